package io.prodev.labs.grader;

import io.prodev.labs.grader.cli.GraderCommand;
import picocli.CommandLine;

/** The grader's entry point: {@code ./grader starter | grade | merge | check}. */
public final class GraderMain {

    private GraderMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code: 0 done, 1 check found problems, 2 misuse, 3 infrastructure. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new GraderCommand());
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            if (exception instanceof GraderException grader) {
                line.getErr().println("grader: " + grader.getMessage());
                return grader.exitCode();
            }
            if (exception instanceof IllegalArgumentException bad) {
                line.getErr().println("grader: " + bad.getMessage());
                return GraderException.MISUSE;
            }
            throw exception;
        });
        // A missing or bad option is named in one line, with where to read more, not the whole help page.
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine failed = exception.getCommandLine();
            String command = failed == commandLine ? "" : failed.getCommandName() + " ";
            failed.getErr()
                    .println("grader: " + exception.getMessage() + " (./grader.sh " + command
                            + "--help lists the options)");
            return GraderException.MISUSE;
        });
        return commandLine.execute(args);
    }
}

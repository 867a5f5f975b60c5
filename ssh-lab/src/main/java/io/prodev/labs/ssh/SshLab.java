package io.prodev.labs.ssh;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The lab's command line, so what the tasks build works against any real server and OpenSSH can check it:
 * {@code keygen} (task 0), {@code config} (task 1), {@code exec} (tasks 2 and 3), {@code put} and {@code get} (task 4),
 * {@code tunnel} (task 5),
 * {@code fanout} (task 6). Run it with
 * {@code ./mvnw -q -pl ssh-lab exec:java -Dexec.mainClass=io.prodev.labs.ssh.SshLab -Dexec.args="keygen --help"}.
 *
 * <p>Exit status: 0 on success, 1 on an error (one line on standard error, naming what failed), 2 on a usage error.
 */
@Command(
        name = "ssh-lab",
        mixinStandardHelpOptions = true,
        description = "SSH automation: keys, configuration, commands, files and tunnels.",
        subcommands = {CommandLine.HelpCommand.class})
public final class SshLab {

    private SshLab() {}

    public static void main(String[] args) {
        System.exit(run(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line with the given environment and output streams, and returns its exit status. */
    public static int run(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new SshLab())
                .addSubcommand(new KeygenCommand(environment))
                .addSubcommand(new ExecCommand(environment))
                .addSubcommand(new ConfigCommand(environment))
                .addSubcommand(new FanoutCommand(environment))
                .addSubcommand(new PutCommand(environment))
                .addSubcommand(new GetCommand(environment))
                .addSubcommand(new TunnelCommand(environment))
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    line.getErr().println(line.getCommandName() + ": " + e.getMessage());
                    return 1;
                });
        return commandLine.execute(args);
    }
}

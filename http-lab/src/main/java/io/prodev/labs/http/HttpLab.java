package io.prodev.labs.http;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The lab's command line, so that curl, a browser and a load generator can drive what the tasks build: {@code web}
 * (task 0), {@code lb} (task 1) and {@code https} (task 2). Run it with {@code ./mvnw -q -pl http-lab compile exec:java
 * -Dexec.mainClass=io.prodev.labs.http.HttpLab
 * -Dexec.args="web --port 8080 --name web-01"}.
 *
 * <p>Each command prints {@code listening on <url>} once it accepts connections, serves until the process is
 * stopped (SIGTERM or Ctrl-C close it cleanly), the thread running it is interrupted, or {@code --for SECONDS} have
 * passed, then prints {@code stopped}. Exit status: 0 after a clean stop, 1 on an error (one line on standard error,
 * naming what failed: a port in use, a missing folder), 2 on a usage error.
 */
@Command(
        name = "http-lab",
        mixinStandardHelpOptions = true,
        description = "A web server, a load balancer and HTTPS on plain sockets.",
        subcommands = {CommandLine.HelpCommand.class})
public final class HttpLab {

    private HttpLab() {}

    public static void main(String[] args) {
        System.exit(run(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line with the given environment and output streams, and returns its exit status. */
    public static int run(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new HttpLab())
                .addSubcommand(new WebCommand())
                .addSubcommand(new LbCommand())
                .addSubcommand(new HttpsCommand(environment))
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    line.getErr().println(line.getCommandName() + ": " + e.getMessage());
                    return 1;
                });
        return commandLine.execute(args);
    }
}

package io.prodev.labs.ssh;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code exec DEST -- CMD...}: runs a command with {@link RemoteCommand}, passes its standard output and error
 * through, and ends with its exit status, as {@code ssh DEST CMD} does.
 */
@Command(
        name = "exec",
        mixinStandardHelpOptions = true,
        description = "Runs CMD on DEST (user@host) and exits with its exit status.")
final class ExecCommand implements Callable<Integer> {

    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connection;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "how long the command may run (default: ${DEFAULT-VALUE})",
            defaultValue = "600")
    private double commandTimeout;

    @Option(
            names = "--accept-new",
            description = "trust a server the known hosts do not hold yet, and record its key (a changed key is still"
                    + " refused)")
    private boolean acceptNew;

    @Parameters(
            index = "0",
            paramLabel = "DEST",
            description = "user@host, or host for the local user name; with --config, [user@]alias")
    private String destination;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "CMD", description = "the command and its arguments")
    private List<String> command;

    ExecCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        SshTarget target = connection.target(environment, destination);
        if (acceptNew || connection.configAcceptsNew(environment, destination)) {
            Targets.recordIfNew(target, connection.connectTimeout());
        }
        CommandResult result = RemoteCommand.run(
                target,
                String.join(" ", command),
                connection.connectTimeout(),
                ConnectionOptions.seconds("--timeout", commandTimeout));
        spec.commandLine().getOut().print(result.stdout());
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().print(result.stderr());
        spec.commandLine().getErr().flush();
        return result.exitStatus();
    }
}

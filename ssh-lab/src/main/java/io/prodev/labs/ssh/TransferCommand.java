package io.prodev.labs.ssh;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code get} and {@code put} share: the destination, the connection options, a time limit for the whole
 * transfer, and one line that says what was copied. Each adds its two paths, in its own order, and the direction.
 */
abstract class TransferCommand implements Callable<Integer> {

    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connection;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "how long the whole transfer may take, connecting included (default: ${DEFAULT-VALUE})",
            defaultValue = "600")
    private double timeout;

    @Parameters(index = "0", paramLabel = "DEST", description = "user@host, or host for the local user name")
    private String destination;

    TransferCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Copies the file one way or the other. */
    abstract TransferResult transfer(SshTarget target, Duration timeout);

    /** The line's start: which way what went ({@code downloaded host:from -> to}). */
    abstract String describe(SshTarget target, TransferResult result);

    @Override
    public Integer call() {
        SshTarget target = connection.target(environment, destination);
        TransferResult result = transfer(target, ConnectionOptions.seconds("--timeout", timeout));
        spec.commandLine()
                .getOut()
                .println(describe(target, result) + ", " + result.bytes() + " bytes, sha256 " + result.sha256());
        spec.commandLine().getOut().flush();
        return 0;
    }
}

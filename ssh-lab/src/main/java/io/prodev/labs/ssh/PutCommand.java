package io.prodev.labs.ssh;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code put DEST LOCAL REMOTE}: uploads a file with {@link FileTransfer#upload} and prints what it copied. */
@Command(
        name = "put",
        mixinStandardHelpOptions = true,
        description = "Uploads LOCAL to REMOTE on DEST (user@host) over SFTP, creating the missing remote folders,"
                + " and checks its SHA-256 with the server's sha256sum.")
final class PutCommand implements Callable<Integer> {

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

    @Parameters(index = "1", paramLabel = "LOCAL", description = "the local file")
    private Path local;

    @Parameters(index = "2", paramLabel = "REMOTE", description = "the remote path, absolute or from the login folder")
    private String remote;

    PutCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        SshTarget target = connection.target(environment, destination);
        TransferResult result =
                FileTransfer.upload(target, local, remote, ConnectionOptions.seconds("--timeout", timeout));
        spec.commandLine()
                .getOut()
                .println("uploaded " + result.from() + " -> " + target.address() + ":" + result.to() + ", "
                        + result.bytes() + " bytes, sha256 " + result.sha256());
        spec.commandLine().getOut().flush();
        return 0;
    }
}

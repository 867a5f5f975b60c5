package io.prodev.labs.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code put DEST LOCAL REMOTE}: uploads a file with {@link FileTransfer#upload} and prints what it copied. */
@Command(
        name = "put",
        mixinStandardHelpOptions = true,
        description = "Uploads LOCAL to REMOTE on DEST (user@host) over SFTP, creating the missing remote folders,"
                + " and checks its SHA-256 with the server's sha256sum.")
final class PutCommand extends TransferCommand {

    @Parameters(index = "1", paramLabel = "LOCAL", description = "the local file")
    private Path local;

    @Parameters(index = "2", paramLabel = "REMOTE", description = "the remote path, absolute or from the login folder")
    private String remote;

    PutCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    TransferResult transfer(SshTarget target, Duration timeout) {
        return FileTransfer.upload(target, local, remote, timeout);
    }

    @Override
    String describe(SshTarget target, TransferResult result) {
        return "uploaded " + result.from() + " -> " + target.address() + ":" + result.to();
    }
}

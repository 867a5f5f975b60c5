package io.prodev.labs.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code get DEST REMOTE LOCAL}: downloads a file with {@link FileTransfer#download} and prints what it copied. */
@Command(
        name = "get",
        mixinStandardHelpOptions = true,
        description = "Downloads REMOTE from DEST (user@host) to LOCAL over SFTP, whose folder must exist, and checks"
                + " its SHA-256 with the server's sha256sum.")
final class GetCommand extends TransferCommand {

    @Parameters(index = "1", paramLabel = "REMOTE", description = "the remote path, absolute or from the login folder")
    private String remote;

    @Parameters(index = "2", paramLabel = "LOCAL", description = "the local file, in a folder that exists")
    private Path local;

    GetCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    TransferResult transfer(SshTarget target, Duration timeout) {
        return FileTransfer.download(target, remote, local, timeout);
    }

    @Override
    String describe(SshTarget target, TransferResult result) {
        return "downloaded " + target.address() + ":" + result.from() + " -> " + result.to();
    }
}

package io.prodev.labs.ssh.examples;

import io.prodev.labs.ssh.FileTransfer;
import io.prodev.labs.ssh.SshFailure;
import io.prodev.labs.ssh.SshTarget;
import io.prodev.labs.ssh.TransferResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The example of task 4 in README.md (grader check compares it, and its output, with the README). */
public final class Task4Example {

    private Task4Example() {}

    public static void main(String[] args) throws Exception {
        // The fixture's server, as the grader and the tests hand it over (labkit-ssh's SshFixtureVariables).
        Map<String, String> env = System.getenv();
        String host = env.get("SSH_FIXTURE_HOST");
        int port = Integer.parseInt(env.get("SSH_FIXTURE_PORT"));
        String user = env.get("SSH_FIXTURE_USER");
        Path key = Path.of(env.get("SSH_FIXTURE_KEY"));
        String hostKeyLine = env.get("SSH_FIXTURE_HOST_KEY");
        // tag::example[]
        Path knownHosts = Files.createTempFile("known_hosts", "");
        Files.writeString(knownHosts, hostKeyLine + "\n");
        SshTarget server = new SshTarget(host, port, user, key, null, knownHosts);
        Duration timeout = Duration.ofSeconds(10);
        Path folder = Files.createTempDirectory("transfer");
        Path report = Files.writeString(folder.resolve("report.txt"), "disk usage: 42%\n");

        TransferResult up = FileTransfer.upload(server, report, "reports/2026/report.txt", timeout);
        System.out.println(up.to() + ": " + up.bytes() + " bytes, sha256 " + up.sha256());
        Path copy = folder.resolve("copy.txt");
        TransferResult down = FileTransfer.download(server, "reports/2026/report.txt", copy, timeout);
        System.out.print(down.sha256().equals(up.sha256()) + ", " + Files.readString(copy));
        try {
            FileTransfer.download(server, "reports/missing.txt", folder.resolve("missing.txt"), timeout);
        } catch (SshFailure e) {
            System.out.println(e.getMessage().contains("reports/missing.txt"));
        }
        // end::example[]
    }
}

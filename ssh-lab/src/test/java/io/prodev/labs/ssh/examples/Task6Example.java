package io.prodev.labs.ssh.examples;

import io.prodev.labs.ssh.FanOut;
import io.prodev.labs.ssh.HostFailed;
import io.prodev.labs.ssh.HostResult;
import io.prodev.labs.ssh.HostSucceeded;
import io.prodev.labs.ssh.HostTimedOut;
import io.prodev.labs.ssh.SshTarget;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The example of task 6 in README.md (grader check compares it, and its output, with the README). */
public final class Task6Example {

    private Task6Example() {}

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
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // free once closed: nothing listens there
        }
        SshTarget unreachable = new SshTarget(host, closedPort, user, key, null, knownHosts);

        List<HostResult> results =
                FanOut.run(List.of(server, unreachable, server), "echo hello", Duration.ofSeconds(5), 2);
        for (HostResult result : results) {
            if (result instanceof HostSucceeded succeeded) {
                System.out.print("succeeded: " + succeeded.result().stdout());
            } else if (result instanceof HostFailed failed) {
                System.out.println("failed: " + failed.message().contains("refused"));
            } else if (result instanceof HostTimedOut timedOut) {
                System.out.println("timed out after " + timedOut.timeout());
            }
        }
        // end::example[]
    }
}

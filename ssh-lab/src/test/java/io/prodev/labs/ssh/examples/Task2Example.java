package io.prodev.labs.ssh.examples;

import io.prodev.labs.ssh.CommandResult;
import io.prodev.labs.ssh.RemoteCommand;
import io.prodev.labs.ssh.SshFailure;
import io.prodev.labs.ssh.SshTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The example of task 2 in README.md (grader check compares it, and its output, with the README). */
public final class Task2Example {

    private Task2Example() {}

    public static void main(String[] args) throws IOException {
        // The fixture's server, as the grader and the tests hand it over (labkit-ssh's SshFixtureVariables).
        Map<String, String> env = System.getenv();
        String host = env.get("SSH_FIXTURE_HOST");
        int port = Integer.parseInt(env.get("SSH_FIXTURE_PORT"));
        String user = env.get("SSH_FIXTURE_USER");
        Path key = Path.of(env.get("SSH_FIXTURE_KEY"));
        String hostKeyLine = env.get("SSH_FIXTURE_HOST_KEY");
        // tag::example[]
        Path knownHosts = Files.createTempFile("known_hosts", "");
        Files.writeString(knownHosts, hostKeyLine + "\n"); // [127.0.0.1]:2222 ssh-ed25519 AAAA...
        SshTarget server = new SshTarget(host, port, user, key, null, knownHosts);
        Duration timeout = Duration.ofSeconds(5);

        CommandResult hello = RemoteCommand.run(server, "echo hello", timeout, timeout);
        System.out.print(hello.stdout());
        System.out.println(hello.exitStatus());
        CommandResult missing = RemoteCommand.run(server, "cat missing.txt", timeout, timeout);
        System.out.print(missing.stderr());
        System.out.println(missing.exitStatus());
        try {
            RemoteCommand.run(server, "sleep 10", timeout, Duration.ofMillis(200));
        } catch (SshFailure e) {
            System.out.println(e.getMessage().contains("sleep 10"));
        }
        // end::example[]
    }
}

package io.prodev.labs.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.ssh.SshEndpoint;
import io.prodev.labs.labkit.ssh.SshTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exec command of the lab's command line, on top of task 2. */
@Task("2")
@SshTest
class ExecCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private SshEndpoint endpoint;
    private Path knownHosts;

    @BeforeEach
    void setUp(SshEndpoint endpoint) throws Exception {
        this.endpoint = endpoint;
        this.knownHosts = Files.writeString(folder.resolve("known_hosts"), endpoint.knownHostsLine() + "\n");
    }

    private int exec(String... command) {
        String[] args = new String[command.length + 8];
        String[] options = {
            "exec",
            "-i",
            endpoint.clientKey().toString(),
            "-p",
            Integer.toString(endpoint.port()),
            "--known-hosts",
            knownHosts.toString(),
            endpoint.user() + "@" + endpoint.host()
        };
        System.arraycopy(options, 0, args, 0, options.length);
        System.arraycopy(command, 0, args, options.length, command.length);
        return SshLab.run(
                Map.of("HOME", folder.toString()), new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void passesTheOutputThroughAndEndsWithTheExitStatus() {
        assertThat(exec("--", "echo", "hello", "there"))
                .as("exit status of exec -- echo hello there")
                .isZero();
        assertThat(out.toString()).as("stdout of exec -- echo hello there").isEqualTo("hello there\n");

        assertThat(exec("--", "cat", "missing.txt"))
                .as("exit status of exec -- cat missing.txt")
                .isEqualTo(1);
        assertThat(err.toString())
                .as("stderr of exec -- cat missing.txt")
                .isEqualTo("cat: missing.txt: No such file or directory\n");
        assertThat(exec("--", "exit", "42"))
                .as("exit status of exec -- exit 42")
                .isEqualTo(42);
    }

    @Test
    @Task("3") // --accept-new records the key with task 3's KnownHosts
    void acceptNewRecordsAServerSeenForTheFirstTime() throws Exception {
        Path fresh = folder.resolve("fresh_known_hosts");
        String[] base = {
            "exec",
            "-i",
            endpoint.clientKey().toString(),
            "-p",
            Integer.toString(endpoint.port()),
            "--known-hosts",
            fresh.toString()
        };
        String destination = endpoint.user() + "@" + endpoint.host();

        int strict = SshLab.run(
                Map.of("HOME", folder.toString()),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                concat(base, destination, "--", "echo", "hi"));
        assertThat(strict)
                .as("exit status of exec to an unknown server without --accept-new")
                .isEqualTo(1);
        assertThat(err.toString()).as("stderr of exec to an unknown server").contains("known hosts");

        int accepted = SshLab.run(
                Map.of("HOME", folder.toString()),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                concat(base, "--accept-new", destination, "--", "echo", "hi"));
        assertThat(accepted)
                .as("exit status of exec --accept-new to an unknown server")
                .isZero();
        assertThat(Files.readString(fresh))
                .as("the known hosts after exec --accept-new")
                .isEqualTo(endpoint.knownHostsLine() + "\n");
    }

    @Test
    @Task("3") // --accept-new records the key with task 3's KnownHosts
    void acceptNewStillRefusesAChangedKey() throws Exception {
        String changed = "[127.0.0.1]:" + endpoint.port() + " ssh-ed25519 " + KnownHostsTest.OTHER_KEY + "\n";
        Files.writeString(knownHosts, changed);

        assertThat(exec("--accept-new", "--", "echo", "hi"))
                .as("exit status of exec --accept-new, key changed")
                .isEqualTo(1);
        assertThat(err.toString())
                .as("stderr of exec --accept-new when the key changed")
                .contains("changed");
        assertThat(Files.readString(knownHosts))
                .as("the known hosts afterwards")
                .isEqualTo(changed);
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    @Test
    void aFailureIsOneLineNamingIt() {
        int status = SshLab.run(
                Map.of("HOME", folder.toString()),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "exec",
                "-i",
                folder.resolve("no_such_key").toString(),
                "-p",
                Integer.toString(endpoint.port()),
                "--known-hosts",
                knownHosts.toString(),
                endpoint.user() + "@" + endpoint.host(),
                "--",
                "echo",
                "hi");

        assertThat(status).as("exit status of exec with a missing key").isEqualTo(1);
        assertThat(err.toString())
                .as("stderr of exec with a missing key")
                .startsWith("exec: ")
                .contains("no_such_key")
                .doesNotContain("Exception")
                .hasLineCount(1);
    }
}

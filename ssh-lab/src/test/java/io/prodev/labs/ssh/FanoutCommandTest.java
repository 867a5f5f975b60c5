package io.prodev.labs.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.ssh.SshEndpoint;
import io.prodev.labs.labkit.ssh.SshTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fanout command of the lab's command line, on top of task 6. */
@Task("6")
@SshTest
class FanoutCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private SshEndpoint endpoint;
    private Path knownHosts;
    private String server;

    @BeforeEach
    void setUp(SshEndpoint endpoint) throws Exception {
        this.endpoint = endpoint;
        this.knownHosts = Files.writeString(folder.resolve("known_hosts"), endpoint.knownHostsLine() + "\n");
        this.server = endpoint.user() + "@" + endpoint.host() + ":" + endpoint.port();
    }

    private int fanout(String hosts, String... options) {
        List<String> args = new ArrayList<>(List.of(
                "fanout",
                "--hosts",
                hosts,
                "-i",
                endpoint.clientKey().toString(),
                "--known-hosts",
                knownHosts.toString()));
        args.addAll(List.of(options));
        return assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> SshLab.run(
                        Map.of("HOME", folder.toString(), "USER", endpoint.user()),
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        args.toArray(String[]::new)));
    }

    @Test
    void printsOneBlockPerHostAndExitsWithZeroWhenEveryHostDid() {
        int status = fanout(server + "," + server, "--", "echo", "hello");

        assertThat(out.toString())
                .as("stdout of fanout on the server twice -- echo hello")
                .isEqualTo("== " + server + " ==\nhello\n== " + server + " ==\nhello\n");
        assertThat(status)
                .as("exit status of fanout when every host exited with 0")
                .isZero();
    }

    @Test
    void aHostThatFailedOrExitedWithAnotherStatusMakesItOne() throws Exception {
        int closedPort = FanOutTest.closedPort();
        String refused = endpoint.user() + "@127.0.0.1:" + closedPort;

        int status = fanout(server + "," + refused, "--", "cat", "missing.txt");

        assertThat(out.toString())
                .as("stdout of fanout on the server and a closed port -- cat missing.txt")
                .startsWith("== " + server + " ==\ncat: missing.txt: No such file or directory\nexit status 1\n" + "== "
                        + refused + " ==\nfailed: ")
                .contains("127.0.0.1:" + closedPort)
                .endsWith("\n")
                .hasLineCount(5);
        assertThat(status).as("exit status of fanout when a host failed").isEqualTo(1);
    }

    @Test
    void aHostThatTimedOutIsSaidSo() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            String mute = endpoint.user() + "@127.0.0.1:" + silent.getLocalPort();

            int status = fanout(mute, "--timeout", "0.5", "--", "echo", "hi");

            assertThat(out.toString())
                    .as("stdout of fanout --timeout 0.5 on a server that never answers")
                    .isEqualTo("== " + mute + " ==\ntimed out after 0.5 s\n");
            assertThat(status).as("exit status of fanout when a host timed out").isEqualTo(1);
        }
    }

    @Test
    void aHostWithoutAUserOrAPortTakesTheLocalUserAndDashP() {
        int status = fanout(endpoint.host(), "-p", Integer.toString(endpoint.port()), "--", "echo", "hi");

        assertThat(out.toString())
                .as("stdout of fanout --hosts 127.0.0.1 -p PORT, with USER=%s", endpoint.user())
                .isEqualTo("== " + server + " ==\nhi\n");
        assertThat(status).as("its exit status").isZero();
    }

    @Test
    void optionsThatFanOutRejectsAreOneLineOnStandardError() {
        int status = fanout(server, "--parallel", "0", "--", "echo", "hi");

        assertThat(err.toString())
                .as("stderr of fanout --parallel 0")
                .isEqualTo("fanout: parallelism must be at least 1, got: 0\n");
        assertThat(status).as("exit status of fanout --parallel 0").isEqualTo(1);
    }
}

package io.prodev.labs.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.ssh.SshEndpoint;
import io.prodev.labs.labkit.ssh.SshTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tunnel command of the lab's command line, on top of task 5. */
@Task("5")
@SshTest
class TunnelCommandTest {

    private static final Duration BOUND = Duration.ofSeconds(15);
    private static final Pattern FORWARDING =
            Pattern.compile("forwarding (\\S+):(\\d+) -> (\\S+) through (\\S+) \\(Ctrl-C to close\\)\n");

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private SshEndpoint endpoint;
    private Path knownHosts;
    private EchoService echo;

    @BeforeEach
    void setUp(SshEndpoint endpoint) throws Exception {
        this.endpoint = endpoint;
        this.knownHosts = Files.writeString(folder.resolve("known_hosts"), endpoint.knownHostsLine() + "\n");
        this.echo = EchoService.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        echo.close();
    }

    private String[] args(String... rest) {
        List<String> all = new ArrayList<>(List.of(
                "tunnel",
                "-i",
                endpoint.clientKey().toString(),
                "-p",
                Integer.toString(endpoint.port()),
                "--known-hosts",
                knownHosts.toString(),
                endpoint.user() + "@" + endpoint.host()));
        all.addAll(Arrays.asList(rest));
        return all.toArray(String[]::new);
    }

    private int run(String... args) {
        return SshLab.run(
                Map.of("HOME", folder.toString()), new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** Runs the command on a thread of its own; its exit status lands in {@code status} when it ends. */
    private Thread start(AtomicInteger status, String... args) {
        Thread thread = new Thread(() -> status.set(run(args)), "tunnel-command");
        thread.start();
        return thread;
    }

    /** The forwarding line, once the command has printed it (within a bound, and unless the command ended first). */
    private Matcher awaitForwardingLine(Thread command) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = FORWARDING.matcher(out.toString());
            if (matcher.lookingAt()) {
                return matcher;
            }
            if (!command.isAlive() && !FORWARDING.matcher(out.toString()).lookingAt()) {
                throw new AssertionError("tunnel ended without printing the line `forwarding BIND:PORT -> HOST:HOSTPORT"
                        + " through DEST (Ctrl-C to close)`; stdout: " + out + ", stderr: " + err);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("tunnel printed no line `forwarding BIND:PORT -> HOST:HOSTPORT through DEST"
                + " (Ctrl-C to close)` within " + BOUND + "; stdout: " + out + ", stderr: " + err);
    }

    @Test
    void forwardsUntilInterruptedThenClosesAndExitsWithZero() throws Exception {
        AtomicInteger status = new AtomicInteger(-1);
        String spec = "0:127.0.0.1:" + echo.port();
        Thread command = start(status, args("-L", spec));

        Matcher line = awaitForwardingLine(command);
        int port = Integer.parseInt(line.group(2));
        assertThat(line.group(1)).as("the bind address printed for -L %s", spec).isEqualTo("127.0.0.1");
        assertThat(line.group(3)).as("the target printed for -L %s", spec).isEqualTo("127.0.0.1:" + echo.port());
        assertThat(line.group(4))
                .as("the server printed")
                .isEqualTo(endpoint.user() + "@" + endpoint.host() + ":" + endpoint.port());
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            byte[] ping = "ping".getBytes(StandardCharsets.UTF_8);
            assertThat(TunnelTest.roundTrip(socket, ping))
                    .as("the echo through the port tunnel printed")
                    .isEqualTo(ping);
        }

        command.interrupt();
        assertTimeoutPreemptively(BOUND, () -> command.join());

        assertThat(status.get()).as("exit status of tunnel, interrupted").isZero();
        assertThat(out.toString()).as("stdout of tunnel").endsWith("(Ctrl-C to close)\nclosed\n");
        assertThat(EchoService.refusedWithin(port, 2_000))
                .as("whether connections to port %d are refused after tunnel ended", port)
                .isTrue();
    }

    @Test
    void forClosesAfterThatManySeconds() throws Exception {
        AtomicInteger status = new AtomicInteger(-1);
        Thread command = start(status, args("-L", "127.0.0.2:0:127.0.0.1:" + echo.port(), "--for", "0.3"));

        assertTimeoutPreemptively(BOUND, () -> command.join());

        assertThat(status.get()).as("exit status of tunnel --for 0.3").isZero();
        Matcher line = awaitForwardingLine(command);
        assertThat(line.group(1))
                .as("the bind address printed for -L 127.0.0.2:0:...")
                .isEqualTo("127.0.0.2");
        assertThat(out.toString()).as("stdout of tunnel --for 0.3").endsWith("\nclosed\n");
    }

    @Test
    void aSessionThatEndsOnItsOwnIsAnError() throws Exception {
        HoldingRelay relay = new HoldingRelay(endpoint.host(), endpoint.port());
        try {
            relay.release();
            Path relayKnownHosts = Files.writeString(
                    folder.resolve("relay_known_hosts"),
                    endpoint.knownHostsLine().replace("]:" + endpoint.port() + " ", "]:" + relay.port() + " ") + "\n");
            AtomicInteger status = new AtomicInteger(-1);
            Thread command = start(
                    status,
                    "tunnel",
                    "-i",
                    endpoint.clientKey().toString(),
                    "-p",
                    Integer.toString(relay.port()),
                    "--known-hosts",
                    relayKnownHosts.toString(),
                    endpoint.user() + "@" + endpoint.host(),
                    "-L",
                    "0:127.0.0.1:" + echo.port());
            awaitForwardingLine(command);

            relay.close(); // the network drops the session

            assertTimeoutPreemptively(BOUND, () -> command.join());
            assertThat(status.get())
                    .as("exit status of tunnel when its session dropped")
                    .isEqualTo(1);
            assertThat(err.toString())
                    .as("stderr of tunnel when its session dropped")
                    .startsWith("tunnel: ")
                    .hasLineCount(1);
        } finally {
            relay.close();
        }
    }

    @Test
    void aBadForwardingSpecIsAUsageErrorNamingIt() {
        for (String spec : List.of(
                "8080",
                "8080:localhost",
                "a:b:c:d:e",
                "x:127.0.0.1:80",
                "0:127.0.0.1:0",
                "70000:127.0.0.1:80",
                "0::80",
                "[::1:0:127.0.0.1:80")) {
            StringWriter errors = new StringWriter();
            int status = SshLab.run(
                    Map.of("HOME", folder.toString()),
                    new PrintWriter(out, true),
                    new PrintWriter(errors, true),
                    args("-L", spec));

            assertThat(status).as("exit status of tunnel -L %s", spec).isEqualTo(2);
            assertThat(errors.toString()).as("stderr of tunnel -L %s", spec).contains(spec);
        }
    }

    @Test
    void aFailureIsOneLineNamingIt() throws Exception {
        Path empty = Files.writeString(folder.resolve("empty_known_hosts"), "");
        int status = run(
                "tunnel",
                "-i",
                endpoint.clientKey().toString(),
                "-p",
                Integer.toString(endpoint.port()),
                "--known-hosts",
                empty.toString(),
                endpoint.user() + "@" + endpoint.host(),
                "-L",
                "0:127.0.0.1:" + echo.port());

        assertThat(status)
                .as("exit status of tunnel to a server not in the known hosts")
                .isEqualTo(1);
        assertThat(err.toString())
                .as("stderr of tunnel to a server not in the known hosts")
                .startsWith("tunnel: ")
                .contains("known hosts")
                .hasLineCount(1);
        assertThat(out.toString()).as("stdout of a tunnel that failed to open").isEmpty();
    }
}

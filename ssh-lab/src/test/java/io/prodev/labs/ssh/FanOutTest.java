package io.prodev.labs.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.Weight;
import io.prodev.labs.labkit.ssh.SshEndpoint;
import io.prodev.labs.labkit.ssh.SshTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("6")
@SshTest
class FanOutTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** How long a test may take at most, so a fan-out that never returns fails instead of hanging. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    private SshEndpoint endpoint;
    private SshTarget server;

    @BeforeEach
    void setUp(SshEndpoint endpoint) {
        this.endpoint = endpoint;
        this.server = TestTargets.of(endpoint, folder);
    }

    @Weight(3)
    @Test
    void returnsOneResultPerHostInTheOrderGiven() throws Exception {
        SshTarget other = another(server, "other");
        SshTarget refused = TestTargets.withPort(server, closedPort());
        List<SshTarget> hosts = List.of(server, refused, other, server);

        List<HostResult> results = assertTimeoutPreemptively(BOUND, () -> FanOut.run(hosts, "echo hi", TIMEOUT, 2));

        assertThat(results)
                .as("results of run on 4 hosts, one of them given twice")
                .hasSize(4);
        for (int i = 0; i < hosts.size(); i++) {
            assertThat(results.get(i).target())
                    .as("target of result %d: results come in the order of the hosts", i)
                    .isEqualTo(hosts.get(i));
        }
        CommandResult hi = new CommandResult("hi\n", "", 0);
        assertThat(results.get(0)).as("result of the server").isEqualTo(new HostSucceeded(server, hi));
        assertThat(results.get(2))
                .as("result of the server, as another target")
                .isEqualTo(new HostSucceeded(other, hi));
        assertThat(results.get(3))
                .as("result of the server, given a second time")
                .isEqualTo(new HostSucceeded(server, hi));
        String refusal = catchThrowableOfType(
                        SshFailure.class, () -> RemoteCommand.run(refused, "echo hi", TIMEOUT, TIMEOUT))
                .getMessage();
        assertThat(results.get(1))
                .as("result of a host whose port is closed: the SshFailure's message")
                .isEqualTo(new HostFailed(refused, refusal));
    }

    @Test
    void aCommandThatFailsIsStillASuccessWithItsExitStatus() throws Exception {
        List<HostResult> results = assertTimeoutPreemptively(
                BOUND, () -> FanOut.run(List.of(server, another(server, "other")), "cat missing.txt", TIMEOUT, 2));

        assertThat(results.get(1))
                .as("result of cat of a missing file")
                .isEqualTo(new HostSucceeded(
                        results.get(1).target(),
                        new CommandResult("", "cat: missing.txt: No such file or directory\n", 1)));
    }

    @Weight(3)
    @Test
    void aHostThatNeverAnswersTimesOutAndTheNextHostGetsItsOwnTime() throws Exception {
        // A socket that takes connections (its backlog does) but never says a word of SSH.
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            SshTarget mute = TestTargets.withPort(server, silent.getLocalPort());
            Duration timeout = Duration.ofSeconds(1);

            List<HostResult> results =
                    assertTimeoutPreemptively(BOUND, () -> FanOut.run(List.of(mute, server), "echo hi", timeout, 1));

            assertThat(results.get(0))
                    .as("result of a server that never answers, with a per-host timeout of 1 s")
                    .isEqualTo(new HostTimedOut(mute, timeout));
            assertThat(results.get(1))
                    .as("result of the next host, one at a time: its 1 s start when its turn does")
                    .isEqualTo(new HostSucceeded(server, new CommandResult("hi\n", "", 0)));
        }
    }

    @Weight(3)
    @Test
    void runsAtMostParallelismHostsAtOnce() throws Exception {
        try (HoldingRelay relay = new HoldingRelay(endpoint.host(), endpoint.port())) {
            SshTarget relayed = throughRelay(relay);
            List<SshTarget> hosts = Collections.nCopies(5, relayed);
            CompletableFuture<List<HostResult>> fanOut = new CompletableFuture<>();
            Thread caller = new Thread(() -> {
                try {
                    fanOut.complete(FanOut.run(hosts, "echo hi", TIMEOUT, 2));
                } catch (Throwable e) {
                    fanOut.completeExceptionally(e);
                }
            });
            caller.start();
            try {
                // The relay holds each connection, so the hosts that connect stay connecting.
                await("2 of 5 hosts connecting at once, with a parallelism of 2")
                        .atMost(Duration.ofSeconds(4))
                        .until(() -> relay.accepted() >= 2 || fanOut.isDone());
                if (relay.accepted() < 2) { // run ended before 2 hosts connected: what it returned or threw says why
                    assertThat(fanOut)
                            .as("run on 5 hosts held while connecting, with a parallelism of 2: it ended before 2"
                                    + " connected")
                            .isNotDone();
                }
                Thread.sleep(300); // time for a third host to connect, if one may: it would not be held back
                assertThat(relay.accepted())
                        .as("hosts connecting at once, of 5 with a parallelism of 2")
                        .isEqualTo(2);
            } finally {
                relay.release();
            }
            List<HostResult> results = fanOut.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            caller.join();
            assertThat(results)
                    .as("results of the 5 hosts, once the relay let them through")
                    .containsOnly(new HostSucceeded(relayed, new CommandResult("hi\n", "", 0)))
                    .hasSize(5);
            assertThat(relay.accepted()).as("connections made for 5 hosts").isEqualTo(5);
        }
    }

    @Test
    void aPerHostTimeoutOfOneMillisecondIsAllowed() throws Exception {
        List<HostResult> results = FanOut.run(List.of(server), "sleep 10", Duration.ofMillis(1), 1);

        assertThat(results)
                .as("run(\"sleep 10\") with a per-host timeout of 1 ms, the shortest allowed")
                .singleElement()
                .isNotInstanceOf(HostSucceeded.class);
    }

    @Test
    void badInputIsRejectedNamingIt() {
        assertThatIllegalArgumentException()
                .as("run on no hosts")
                .isThrownBy(() -> FanOut.run(List.of(), "echo hi", TIMEOUT, 2))
                .withMessageContaining("[]");
        assertThatIllegalArgumentException()
                .as("run on a null host list")
                .isThrownBy(() -> FanOut.run(null, "echo hi", TIMEOUT, 2))
                .withMessageContaining("null");
        assertThatIllegalArgumentException()
                .as("run on a null host")
                .isThrownBy(() -> FanOut.run(Arrays.asList(server, null), "echo hi", TIMEOUT, 2))
                .withMessageContaining("null");
        assertThatIllegalArgumentException()
                .as("run(\" \")")
                .isThrownBy(() -> FanOut.run(List.of(server), " ", TIMEOUT, 2))
                .withMessageContaining("\" \"");
        assertThatIllegalArgumentException()
                .as("run(null)")
                .isThrownBy(() -> FanOut.run(List.of(server), null, TIMEOUT, 2))
                .withMessageContaining("null");
        assertThatIllegalArgumentException()
                .as("run with a null per-host timeout")
                .isThrownBy(() -> FanOut.run(List.of(server), "echo hi", null, 2))
                .withMessageContaining("null");
        assertThatIllegalArgumentException()
                .as("run with a per-host timeout of zero")
                .isThrownBy(() -> FanOut.run(List.of(server), "echo hi", Duration.ZERO, 2))
                .withMessageContaining("PT0S");
        assertThatIllegalArgumentException()
                .as("run with a parallelism of 0")
                .isThrownBy(() -> FanOut.run(List.of(server), "echo hi", TIMEOUT, 0))
                .withMessageContaining("0");
    }

    /** The same server as another target: an equal target, but for its own known_hosts file. */
    static SshTarget another(SshTarget target, String name) throws IOException {
        Path knownHosts = Files.copy(target.knownHosts(), target.knownHosts().resolveSibling("known_hosts_" + name));
        return TestTargets.withKnownHosts(target, knownHosts);
    }

    /** A loopback port nothing listens on. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private SshTarget throughRelay(HoldingRelay relay) throws IOException {
        String hostKey =
                endpoint.knownHostsLine().substring(endpoint.knownHostsLine().indexOf(' ') + 1);
        Path knownHosts = Files.writeString(
                folder.resolve("known_hosts_relay"),
                "[" + endpoint.host() + "]:" + relay.port() + " " + hostKey + "\n");
        return new SshTarget(endpoint.host(), relay.port(), endpoint.user(), endpoint.clientKey(), null, knownHosts);
    }
}

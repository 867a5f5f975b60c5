package io.prodev.labs.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.ssh.SshEndpoint;
import io.prodev.labs.labkit.ssh.SshTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("5")
@Hidden
@SshTest
class TunnelHiddenTest {

    private static final Duration CONNECT = TunnelTest.CONNECT;
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final int READ_MILLIS = TunnelTest.READ_MILLIS;

    /** The threads JSch starts for a session and its forwardings; nothing else a tunnel has reason to leave. */
    private static final List<String> TUNNEL_THREADS =
            List.of("Connect thread", "PortWatcher Thread", "DirectTCPIP thread");

    @TempDir
    Path folder;

    private SshEndpoint endpoint;
    private SshTarget target;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void setUp(SshEndpoint endpoint) {
        this.endpoint = endpoint;
        this.target = TestTargets.of(endpoint, folder);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private Socket connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(READ_MILLIS);
        toClose.add(socket);
        return socket;
    }

    @Hint("a tunnel leaves nothing behind once closed, nor does an open that failed: no session, no listening"
            + " socket, no thread")
    @Test
    void closingTwiceAndFailedOpensLeaveNothing() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        EchoService echo = EchoService.start();
        toClose.add(echo);

        // One tunnel used, then closed twice.
        Tunnel used = assertTimeoutPreemptively(
                BOUND, () -> Tunnel.open(target, "127.0.0.1", 0, "127.0.0.1", echo.port(), CONNECT));
        byte[] ping = "ping".getBytes(StandardCharsets.UTF_8);
        assertThat(TunnelTest.roundTrip(connect(used.localPort()), ping))
                .as("the echo through the tunnel")
                .isEqualTo(ping);
        used.close();
        used.close();

        // Opens that fail, each on a port of its own, asked for by number.
        Path stranger = folder.resolve("stranger");
        RemoteCommandTest.writeKey(stranger, null);
        Path empty = Files.writeString(folder.resolve("empty_known_hosts"), "");
        int closed = EchoService.closedPort();
        List<Integer> ports = new ArrayList<>();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            record Failing(String what, SshTarget target, int localPort, String remoteHost) {}
            List<Failing> failing = new ArrayList<>();
            failing.add(new Failing("the forwarding refused", target, EchoService.closedPort(), "192.0.2.1"));
            failing.add(new Failing("the local port in use", target, taken.getLocalPort(), "127.0.0.1"));
            failing.add(new Failing(
                    "the server refusing the connection",
                    TestTargets.withPort(target, closed),
                    EchoService.closedPort(),
                    "127.0.0.1"));
            failing.add(new Failing(
                    "an unknown host key",
                    TestTargets.withKnownHosts(target, empty),
                    EchoService.closedPort(),
                    "127.0.0.1"));
            failing.add(new Failing(
                    "a key the server does not know",
                    TestTargets.withKey(target, stranger, null),
                    EchoService.closedPort(),
                    "127.0.0.1"));
            for (Failing open : failing) {
                assertThatThrownBy(() -> assertTimeoutPreemptively(
                                BOUND,
                                () -> Tunnel.open(
                                        open.target(),
                                        "127.0.0.1",
                                        open.localPort(),
                                        open.remoteHost(),
                                        echo.port(),
                                        CONNECT)))
                        .as("open with %s", open.what())
                        .isInstanceOf(SshFailure.class);
                if (open.localPort() != taken.getLocalPort()) {
                    ports.add(open.localPort());
                }
            }
        }

        List<String> left = awaitNoTunnelThreadsBesides(before, 5_000);
        assertThat(left)
                .as("JSch's session and forwarding threads still alive after a tunnel was closed twice and 5 opens"
                        + " failed")
                .isEmpty();
        ports.add(used.localPort());
        for (int port : ports) {
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                throw new AssertionError("port " + port + " could not be bound again after its tunnel closed or"
                        + " its open failed: " + e.getMessage());
            }
        }
    }

    @Hint("isOpen() is false once the session has ended, whoever ended it")
    @Test
    void aDroppedSessionIsNoLongerOpen() throws Exception {
        EchoService echo = EchoService.start();
        toClose.add(echo);
        HoldingRelay relay = new HoldingRelay(endpoint.host(), endpoint.port());
        toClose.add(relay);
        relay.release();
        Path knownHosts = Files.writeString(
                folder.resolve("relay_known_hosts"),
                endpoint.knownHostsLine().replace("]:" + endpoint.port() + " ", "]:" + relay.port() + " ") + "\n");
        SshTarget throughRelay = TestTargets.withKnownHosts(TestTargets.withPort(target, relay.port()), knownHosts);
        Tunnel tunnel = assertTimeoutPreemptively(
                BOUND, () -> Tunnel.open(throughRelay, "127.0.0.1", 0, "127.0.0.1", echo.port(), CONNECT));
        toClose.add(tunnel);
        byte[] ping = "ping".getBytes(StandardCharsets.UTF_8);
        assertThat(TunnelTest.roundTrip(connect(tunnel.localPort()), ping))
                .as("the echo through the tunnel")
                .isEqualTo(ping);

        relay.close(); // the network drops the session

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (tunnel.isOpen() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(tunnel.isOpen())
                .as("isOpen() 5 s after the connection to the server dropped")
                .isFalse();
        assertTimeoutPreemptively(BOUND, tunnel::close);
        assertThat(tunnel.isOpen())
                .as("isOpen() after close() of a dropped tunnel")
                .isFalse();
    }

    @Hint("each port forwards to its own target while its tunnel is open, and to nothing once it is closed;"
            + " closing one tunnel ends its connections only")
    @Test
    void randomOpensConnectionsAndClosesMatchAModel() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        EchoService serviceA = EchoService.start(0, "A\n");
        EchoService serviceB = EchoService.start(0, "B\n");
        toClose.add(serviceA);
        toClose.add(serviceB);
        int down = EchoService.closedLowPort();
        List<String> names = List.of("A", "B", "down");
        List<Integer> targetPorts = List.of(serviceA.port(), serviceB.port(), down);

        for (long seed = 1; seed <= 2; seed++) {
            Random random = new Random(seed);
            List<Forwarding> model = new ArrayList<>();
            List<String> history = new ArrayList<>();
            try {
                for (int step = 0; step < 30; step++) {
                    int kind = random.nextInt(10);
                    long openCount = model.stream().filter(f -> f.open).count();
                    if (model.isEmpty() || (kind < 3 && openCount < 4)) {
                        int service = random.nextInt(3);
                        int asked = random.nextBoolean() ? 0 : EchoService.closedPort();
                        history.add("open(" + asked + " -> " + names.get(service) + ")");
                        Tunnel tunnel = assertTimeoutPreemptively(
                                BOUND,
                                () -> Tunnel.open(
                                        target, "127.0.0.1", asked, "127.0.0.1", targetPorts.get(service), CONNECT));
                        toClose.add(tunnel);
                        Forwarding forwarding = new Forwarding(tunnel, tunnel.localPort(), names.get(service));
                        if (asked != 0) {
                            assertThat(forwarding.port)
                                    .as("localPort() after %s", history)
                                    .isEqualTo(asked);
                        }
                        model.add(forwarding);
                    } else if (kind < 6) {
                        Forwarding chosen = model.get(random.nextInt(model.size()));
                        history.add("connect(" + chosen.port + ")");
                        checkConnection(model, chosen.port, history);
                    } else if (kind < 8) {
                        Forwarding chosen = model.get(random.nextInt(model.size()));
                        history.add("hold(" + chosen.port + ")");
                        if (chosen.open && !chosen.service.equals("down")) {
                            Socket held = connect(chosen.port);
                            assertThat(EchoService.readUpTo(held.getInputStream(), 2))
                                    .as("the greeting on a connection to port %d after %s", chosen.port, history)
                                    .isEqualTo((chosen.service + "\n").getBytes(StandardCharsets.UTF_8));
                            chosen.held.add(held);
                        }
                    } else {
                        Forwarding chosen = model.get(random.nextInt(model.size()));
                        history.add("close(" + chosen.port + ")");
                        assertTimeoutPreemptively(BOUND, chosen.tunnel::close);
                        chosen.open = false;
                        for (Socket held : chosen.held) {
                            assertThat(EchoService.ends(held, READ_MILLIS))
                                    .as(
                                            "whether a connection held through port %d ended after %s",
                                            chosen.port, history)
                                    .isTrue();
                        }
                        chosen.held.clear();
                    }
                    for (Forwarding forwarding : model) {
                        assertThat(forwarding.tunnel.isOpen())
                                .as("isOpen() of the tunnel on port %d after %s", forwarding.port, history)
                                .isEqualTo(forwarding.open);
                        for (Socket held : forwarding.held) {
                            byte[] data = ("step " + step).getBytes(StandardCharsets.UTF_8);
                            assertThat(TunnelTest.roundTrip(held, data))
                                    .as(
                                            "the echo on a connection held through port %d after %s",
                                            forwarding.port, history)
                                    .isEqualTo(data);
                        }
                    }
                }
            } finally {
                for (Forwarding forwarding : model) {
                    forwarding.tunnel.close();
                }
            }
        }
        assertThat(awaitNoTunnelThreadsBesides(before, 5_000))
                .as("JSch's threads still alive after every tunnel of the run was closed")
                .isEmpty();
    }

    /** A connection to {@code port} gets what the model says the port forwards to. */
    private void checkConnection(List<Forwarding> model, int port, List<String> history)
            throws IOException, InterruptedException {
        Forwarding current = null;
        for (Forwarding forwarding : model) {
            if (forwarding.port == port && forwarding.open) {
                current = forwarding;
            }
        }
        if (current == null) {
            assertThat(EchoService.refusedWithin(port, 2_000))
                    .as(
                            "whether connections to port %d, which no open tunnel holds, are refused after %s",
                            port, history)
                    .isTrue();
            return;
        }
        Socket socket = connect(port);
        if (current.service.equals("down")) {
            assertThat(EchoService.ends(socket, READ_MILLIS))
                    .as("whether a connection through port %d to a service that is down ended, after %s", port, history)
                    .isTrue();
            return;
        }
        byte[] data = ("to " + port).getBytes(StandardCharsets.UTF_8);
        byte[] expected = (current.service + "\n" + "to " + port).getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(data);
        socket.getOutputStream().flush();
        assertThat(EchoService.readUpTo(socket.getInputStream(), expected.length))
                .as("greeting and echo through port %d (to service %s) after %s", port, current.service, history)
                .isEqualTo(expected);
        socket.close();
    }

    private static final class Forwarding {
        final Tunnel tunnel;
        final int port;
        final String service;
        final List<Socket> held = new ArrayList<>();
        boolean open = true;

        Forwarding(Tunnel tunnel, int port, String service) {
            this.tunnel = tunnel;
            this.port = port;
            this.service = service;
        }
    }

    /**
     * The names of JSch's session and forwarding threads (only those: the JVM starts threads of its own when it
     * likes) that were not alive before, after waiting up to {@code millis} for them to end.
     */
    static List<String> awaitNoTunnelThreadsBesides(Set<Thread> before, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (true) {
            List<String> left = Thread.getAllStackTraces().keySet().stream()
                    .filter(Thread::isAlive)
                    .filter(thread -> !before.contains(thread))
                    .map(Thread::getName)
                    .filter(name -> TUNNEL_THREADS.stream().anyMatch(name::startsWith))
                    .sorted()
                    .toList();
            if (left.isEmpty() || System.nanoTime() > deadline) {
                return left;
            }
            Thread.sleep(20);
        }
    }
}

package io.prodev.labs.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.Weight;
import io.prodev.labs.labkit.ssh.SshEndpoint;
import io.prodev.labs.labkit.ssh.SshTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("5")
@SshTest
class TunnelTest {

    static final Duration CONNECT = Duration.ofSeconds(5);
    static final Duration BOUND = Duration.ofSeconds(15);
    static final int READ_MILLIS = 5_000;

    @TempDir
    Path folder;

    private SshTarget target;
    private EchoService echo;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void setUp(SshEndpoint endpoint) throws IOException {
        target = TestTargets.of(endpoint, folder);
        echo = EchoService.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        echo.close();
    }

    private Tunnel open(String bind, int localPort, int remotePort) {
        Tunnel tunnel = assertTimeoutPreemptively(
                BOUND, () -> Tunnel.open(target, bind, localPort, "127.0.0.1", remotePort, CONNECT));
        toClose.add(tunnel);
        return tunnel;
    }

    private Socket connect(String host, int port) throws IOException {
        Socket socket = new Socket(host, port);
        socket.setSoTimeout(READ_MILLIS);
        toClose.add(socket);
        return socket;
    }

    static byte[] roundTrip(Socket socket, byte[] data) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(data);
        out.flush();
        return EchoService.readUpTo(socket.getInputStream(), data.length);
    }

    @Weight(3)
    @Test
    void bytesGoBothWaysThroughTheTunnel() throws Exception {
        Tunnel tunnel = open("127.0.0.1", 0, echo.port());

        Socket socket = connect("127.0.0.1", tunnel.localPort());
        byte[] hello = "hello through the tunnel\n".getBytes(StandardCharsets.UTF_8);

        assertThat(roundTrip(socket, hello))
                .as("what the echo service on the server's loopback sent back through the tunnel")
                .isEqualTo(hello);
        assertThat(tunnel.isOpen()).as("isOpen() of a tunnel in use").isTrue();
    }

    @Test
    void everyByteValueComesThroughUnchanged() throws Exception {
        Tunnel tunnel = open("127.0.0.1", 0, echo.port());
        byte[] data = new byte[256 * 1024];
        new Random(5).nextBytes(data);
        for (int i = 0; i < 256; i++) {
            data[i] = (byte) i; // every value, 0, \r, \n and 0xFF included
        }

        Socket socket = connect("127.0.0.1", tunnel.localPort());
        byte[] back = assertTimeoutPreemptively(BOUND, () -> roundTrip(socket, data));

        assertThat(back)
                .as("256 KiB of random bytes (every byte value first) sent through the tunnel and echoed back")
                .isEqualTo(data);
    }

    @Test
    void severalConnectionsAtOnceEachGetTheirOwnStream() throws Exception {
        Tunnel tunnel = open("127.0.0.1", 0, echo.port());
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sockets.add(connect("127.0.0.1", tunnel.localPort()));
        }

        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < sockets.size(); i++) {
                sockets.get(i).getOutputStream().write(("connection " + i + " round " + round + "\n").getBytes());
            }
            for (int i = sockets.size() - 1; i >= 0; i--) {
                byte[] expected = ("connection " + i + " round " + round + "\n").getBytes();
                assertThat(EchoService.readUpTo(sockets.get(i).getInputStream(), expected.length))
                        .as("what connection %d of 4 open at once got back in round %d", i, round)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void aPortOfZeroBindsAFreePortOnTheAddressGiven() throws Exception {
        // 127.0.0.2 is loopback too on Linux: a tunnel bound there only is not reachable at 127.0.0.1.
        Tunnel tunnel = open("127.0.0.2", 0, echo.port());

        assertThat(tunnel.localPort())
                .as("localPort() of a tunnel opened with port 0")
                .isBetween(1, 65_535);
        byte[] ping = "ping".getBytes(StandardCharsets.UTF_8);
        assertThat(roundTrip(connect("127.0.0.2", tunnel.localPort()), ping))
                .as("the echo through the tunnel bound on 127.0.0.2")
                .isEqualTo(ping);
        assertThatThrownBy(() -> connect("127.0.0.1", tunnel.localPort()))
                .as("connecting to 127.0.0.1 when the tunnel was bound on 127.0.0.2 only")
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void theLocalPortAskedForIsTheOneBound() throws Exception {
        int port = EchoService.closedPort();

        Tunnel tunnel = open("127.0.0.1", port, echo.port());

        assertThat(tunnel.localPort())
                .as("localPort() of a tunnel opened on port %d", port)
                .isEqualTo(port);
        byte[] ping = "ping".getBytes(StandardCharsets.UTF_8);
        assertThat(roundTrip(connect("127.0.0.1", port), ping))
                .as("the echo through port %d", port)
                .isEqualTo(ping);
    }

    @Weight(3)
    @Test
    void closeRemovesTheForwardingAndEndsItsConnections() throws Exception {
        Tunnel tunnel = open("127.0.0.1", 0, echo.port());
        int port = tunnel.localPort();
        Socket inUse = connect("127.0.0.1", port);
        byte[] ping = "ping".getBytes(StandardCharsets.UTF_8);
        assertThat(roundTrip(inUse, ping)).as("the echo before close()").isEqualTo(ping);

        assertTimeoutPreemptively(BOUND, tunnel::close);

        assertThat(tunnel.isOpen()).as("isOpen() after close()").isFalse();
        assertThat(EchoService.ends(inUse, READ_MILLIS))
                .as("whether a connection open through the tunnel ended when it closed")
                .isTrue();
        assertThat(EchoService.refusedWithin(port, 2_000))
                .as("whether connections to the tunnel's port %d are refused after close()", port)
                .isTrue();
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(again.isBound())
                    .as("binding port %d after close()", port)
                    .isTrue();
        }
        assertTimeoutPreemptively(BOUND, tunnel::close); // a second close does nothing
        assertThat(tunnel.isOpen()).as("isOpen() after a second close()").isFalse();
    }

    @Test
    void aServiceThatIsDownEndsTheConnectionAndTheTunnelStaysUsable() throws Exception {
        int down = EchoService.closedPort();
        int local = EchoService.closedPort();
        while (local == down) { // a port of 0 could be given the very port the service will take
            local = EchoService.closedPort();
        }
        Tunnel tunnel = open("127.0.0.1", local, down);

        Socket first = connect("127.0.0.1", tunnel.localPort());
        assertThat(EchoService.ends(first, READ_MILLIS))
                .as("whether a connection through the tunnel ends while the service on port %d is down", down)
                .isTrue();
        assertThat(tunnel.isOpen())
                .as("isOpen() after a connection to a service that is down")
                .isTrue();

        try (EchoService up = EchoService.start(down, "")) {
            byte[] ping = "ping".getBytes(StandardCharsets.UTF_8);
            assertThat(roundTrip(connect("127.0.0.1", tunnel.localPort()), ping))
                    .as("the echo through the same tunnel once the service on port %d is up", down)
                    .isEqualTo(ping);
        }
    }

    @Test
    void aLocalPortInUseFailsTheOpen() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> Tunnel.open(target, "127.0.0.1", port, "127.0.0.1", echo.port(), CONNECT))
                    .as("open on port %d, which another socket holds", port)
                    .isInstanceOf(SshFailure.class)
                    .hasMessageContaining(Integer.toString(port));
        }
    }

    @Test
    void aServerThatRefusesTheConnectionFailsTheOpen() throws Exception {
        int closed = EchoService.closedPort();
        SshTarget nobody = TestTargets.withPort(target, closed);

        assertThatThrownBy(() -> Tunnel.open(nobody, "127.0.0.1", 0, "127.0.0.1", echo.port(), CONNECT))
                .as("open through 127.0.0.1:%d, where no SSH server listens", closed)
                .isInstanceOf(SshFailure.class)
                .hasMessageContaining("127.0.0.1:" + closed)
                .hasMessageContaining("refused");
    }

    @Test
    void anUnknownHostKeyFailsTheOpen() throws Exception {
        Path empty = Files.writeString(folder.resolve("empty_known_hosts"), "");
        SshTarget stranger = TestTargets.withKnownHosts(target, empty);

        assertThatThrownBy(() -> Tunnel.open(stranger, "127.0.0.1", 0, "127.0.0.1", echo.port(), CONNECT))
                .as("open to a server whose host key is not in the known hosts")
                .isInstanceOf(SshFailure.class)
                .hasMessageContaining("known hosts");
    }

    @Weight(2)
    @Test
    void aForwardingTheServerRefusesFailsTheOpenAndLeavesThePortFree() throws Exception {
        int port = EchoService.closedPort();
        // The lab's server forwards to loopback addresses only; 192.0.2.1 is a documentation address (RFC 5737).
        assertThatThrownBy(() -> Tunnel.open(target, "127.0.0.1", port, "192.0.2.1", 80, CONNECT))
                .as("open of a forwarding to 192.0.2.1:80, which the server refuses")
                .isInstanceOf(SshFailure.class)
                .hasMessageContaining("192.0.2.1:80")
                .hasMessageContaining("refused");
        assertThat(EchoService.refusedWithin(port, 2_000))
                .as("whether connections to port %d are refused after the open failed", port)
                .isTrue();
    }

    @Test
    void badInputNamesTheValue() throws Exception {
        // The target's port is closed: an argument checked only after connecting fails with SshFailure instead.
        SshTarget t = TestTargets.withPort(target, EchoService.closedPort());
        Duration c = CONNECT;
        assertBad(() -> Tunnel.open(t, " ", 0, "127.0.0.1", 80, c), "\" \"");
        assertBad(() -> Tunnel.open(t, null, 0, "127.0.0.1", 80, c), "null");
        assertBad(() -> Tunnel.open(t, "127.0.0.1", 0, "", 80, c), "\"\"");
        assertBad(() -> Tunnel.open(t, "127.0.0.1", -1, "127.0.0.1", 80, c), "-1");
        assertBad(() -> Tunnel.open(t, "127.0.0.1", 65_536, "127.0.0.1", 80, c), "65536");
        assertBad(() -> Tunnel.open(t, "127.0.0.1", 0, "127.0.0.1", 0, c), "0");
        assertBad(() -> Tunnel.open(t, "127.0.0.1", 0, "127.0.0.1", 70_000, c), "70000");
        assertBad(() -> Tunnel.open(t, "127.0.0.1", 0, "127.0.0.1", 80, null), "null");
        assertBad(() -> Tunnel.open(t, "127.0.0.1", 0, "127.0.0.1", 80, Duration.ZERO), "PT0S");
    }

    private static void assertBad(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String value) {
        assertThatThrownBy(call)
                .as("Tunnel.open with the bad value %s", value)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(value);
    }
}

package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("2")
@Hidden
class TlsHiddenTest {

    @BeforeAll
    static void initialiseJdkCrypto() {
        TlsPeers.initialiseJdkCrypto();
    }

    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private WebServer tlsServer(Duration readTimeout) throws IOException {
        WebServer server = WebServer.start(
                ServerSettings.onPort(0)
                        .withReadTimeout(readTimeout)
                        .withSocketFactory(Tls.serverSockets(Tls.selfSigned("localhost", "127.0.0.1"))),
                new Hsts(new HelloSite("web-hidden", Optional.empty())));
        toClose.add(server);
        return server;
    }

    /** A TCP connection that sends the first {@code bytes} bytes of a TLS record header, or nothing, then stalls. */
    private Socket stalled(int port, int bytes) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        toClose.add(socket);
        if (bytes > 0) {
            socket.getOutputStream().write(new byte[] {22, 3, 1, 0, 100}, 0, bytes);
            socket.getOutputStream().flush();
        }
        return socket;
    }

    private static String handshakeAndGet(int port, X509Certificate certificate) throws IOException {
        try (SSLSocket socket = TlsPeers.socket(port, certificate, "TLSv1.3")) {
            return TlsPeers.get(socket);
        }
    }

    @Test
    @Hint("a client that connects and never finishes its TLS handshake must not keep other clients waiting, and the"
            + " server drops it once the read timeout has passed")
    void aClientThatNeverHandshakesBlocksNobodyAndIsDropped() throws Exception {
        WebServer server = tlsServer(Duration.ofMillis(700));
        List<Socket> stalled = List.of(stalled(server.port(), 0), stalled(server.port(), 0), stalled(server.port(), 3));
        X509Certificate certificate = TrustStores.presentedBy("127.0.0.1", server.port());
        String response = assertTimeoutPreemptively(
                BOUND,
                () -> handshakeAndGet(server.port(), certificate),
                "a normal HTTPS request while three clients stall their handshakes never got its answer");
        assertThat(response)
                .as("GET / over TLS while three clients stall their handshakes")
                .startsWith("HTTP/1.1 200");
        for (Socket socket : stalled) {
            socket.setSoTimeout(10_000);
            int read = assertTimeoutPreemptively(BOUND, () -> {
                try {
                    InputStream in = socket.getInputStream();
                    int first = in.read();
                    while (first >= 0 && in.read() >= 0) {
                        // an alert may come first: read to the end
                    }
                    return first < 0 ? -1 : -2;
                } catch (SocketException reset) {
                    return -1;
                }
            });
            assertThat(read)
                    .as(
                            "a stalled handshake, with a read timeout of 0.7 s: the server closes it (the client reads the end"
                                    + " of the stream or a reset, maybe after an alert)")
                    .isIn(-1, -2);
        }
    }

    @Test
    @Hint("close() leaves no thread of the server behind, whatever state its TLS connections are in")
    void closeLeavesNoThreadBehind() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        WebServer server = WebServer.start(
                ServerSettings.onPort(0).withSocketFactory(Tls.serverSockets(Tls.selfSigned("127.0.0.1"))),
                new HelloSite("web-threads", Optional.empty()));
        toClose.add(server);
        stalled(server.port(), 0);
        stalled(server.port(), 4);
        X509Certificate certificate = TrustStores.presentedBy("127.0.0.1", server.port());
        SSLSocket open = TlsPeers.socket(server.port(), certificate, "TLSv1.2");
        toClose.add(open);
        open.startHandshake(); // handshaken, no request yet: its server thread waits for one
        assertTimeoutPreemptively(BOUND, server::close, "WebServer.close() of a TLS server with stalled clients");
        List<String> left = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        do {
            left.clear();
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.isAlive() && !before.contains(thread)) {
                    left.add(thread.getName());
                }
            }
            if (!left.isEmpty()) {
                Thread.sleep(20);
            }
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        assertThat(left)
                .as("threads started since the TLS server started, still alive 5 s after close()")
                .isEmpty();
    }

    @Test
    @Hint("a self-signed certificate holds every name it was asked for as a subject alternative name of its kind, the"
            + " first as CN, signs itself, and is valid from the moment it is made for SELF_SIGNED_VALIDITY")
    void aSelfSignedCertificatesValidityAndNames() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        SSLContext context = Tls.selfSigned("web.example.test", "127.0.0.1", "*.apps.example.test", "::1", "10.0.0.7");
        Instant end = Instant.now().plusSeconds(1);
        WebServer server = WebServer.start(
                ServerSettings.onPort(0).withSocketFactory(Tls.serverSockets(context)),
                new HelloSite("web-cert", Optional.empty()));
        toClose.add(server);
        X509Certificate certificate = TrustStores.presentedBy("127.0.0.1", server.port());

        List<String> names = new ArrayList<>();
        for (List<?> name : certificate.getSubjectAlternativeNames()) {
            Object value = name.get(1);
            String text = (Integer) name.get(0) == 7
                    ? InetAddress.getByName(value.toString()).getHostAddress()
                    : value.toString();
            names.add(name.get(0) + ":" + text);
        }
        assertThat(names)
                .as(
                        "the subject alternative names (2: DNS, 7: IP) of Tls.selfSigned(\"web.example.test\", \"127.0.0.1\","
                                + " \"*.apps.example.test\", \"::1\", \"10.0.0.7\")")
                .containsExactlyInAnyOrder(
                        "2:web.example.test",
                        "7:127.0.0.1",
                        "2:*.apps.example.test",
                        "7:" + InetAddress.getByName("::1").getHostAddress(),
                        "7:10.0.0.7");
        assertThat(certificate.getSubjectX500Principal().getName())
                .as("the subject of that certificate")
                .isEqualTo("CN=web.example.test");
        assertThat(certificate.getIssuerX500Principal())
                .as("its issuer: itself")
                .isEqualTo(certificate.getSubjectX500Principal());
        certificate.verify(certificate.getPublicKey()); // throws unless it signed itself
        Instant notBefore = certificate.getNotBefore().toInstant();
        assertThat(notBefore)
                .as("its notBefore: the moment it was made, to the second")
                .isBetween(start.minusSeconds(1), end);
        assertThat(Duration.between(notBefore, certificate.getNotAfter().toInstant()))
                .as("its validity: notAfter - notBefore")
                .isEqualTo(Tls.SELF_SIGNED_VALIDITY);
    }

    @Test
    @Hint("every server socket the factory makes, whichever createServerSocket method made it, enables TLS 1.3 and 1.2"
            + " only")
    void everyFactoryMethodLimitsTheProtocols() throws Exception {
        ServerSocketFactory factory = Tls.serverSockets(Tls.selfSigned("localhost"));
        InetAddress loopback = InetAddress.getLoopbackAddress();
        List<ServerSocket> sockets = List.of(
                factory.createServerSocket(),
                factory.createServerSocket(0),
                factory.createServerSocket(0, 10),
                factory.createServerSocket(0, 10, loopback));
        try {
            for (ServerSocket socket : sockets) {
                assertThat(((SSLServerSocket) socket).getEnabledProtocols())
                        .as("the enabled protocols of each server socket the factory makes")
                        .containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
            }
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    @Hint("a keystore whose key has another password than the store cannot serve: that is bad input, naming the file")
    void aKeyWithAnotherPasswordIsNamed() throws Exception {
        HeldCertificate held = TlsPeers.localhostCertificate();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(
                "server", held.keyPair().getPrivate(), "key-pass".toCharArray(), new Certificate[] {held.certificate()
                });
        Path keystore = folder.resolve("two-passwords.p12");
        try (OutputStream out = java.nio.file.Files.newOutputStream(keystore)) {
            store.store(out, "store-pass".toCharArray());
        }
        assertThatThrownBy(() -> Tls.fromPkcs12(keystore, "store-pass".toCharArray()))
                .as("Tls.fromPkcs12 of a keystore whose key has another password than the store")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(keystore.toString());
    }

    @Test
    @Hint("fromPkcs12 neither clears nor keeps the caller's password array")
    void thePasswordArrayIsLeftAsItWas() throws Exception {
        char[] password = "kept-as-is".toCharArray();
        Path keystore = TlsPeers.writePkcs12(folder, "server.p12", TlsPeers.localhostCertificate(), password);
        Tls.fromPkcs12(keystore, password);
        assertThat(new String(password))
                .as("the password array after Tls.fromPkcs12")
                .isEqualTo("kept-as-is");
    }
}

package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.Weight;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Task 2's TLS: a server certificate from a PKCS#12 keystore or made on the spot, TLS 1.3 and 1.2 only. */
@Task("2")
class TlsTest {

    @BeforeAll
    static void initialiseJdkCrypto() {
        TlsPeers.initialiseJdkCrypto();
    }

    private static final char[] PASSWORD = "changeit-2".toCharArray();

    @TempDir
    Path folder;

    private WebServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    private WebServer serve(SSLContext context) throws Exception {
        server = WebServer.start(
                ServerSettings.onPort(0).withSocketFactory(Tls.serverSockets(context)),
                new HelloSite("web-tls", Optional.empty()));
        return server;
    }

    private WebServer serveFromKeystore(HeldCertificate held) throws Exception {
        Path keystore = TlsPeers.writePkcs12(folder, "server.p12", held, PASSWORD);
        return serve(Tls.fromPkcs12(keystore, PASSWORD));
    }

    @Weight(5)
    @Test
    void servesTheSiteOverHttpsWithTheKeystoresCertificate() throws Exception {
        HeldCertificate held = TlsPeers.localhostCertificate();
        serveFromKeystore(held);
        OkHttpClient client = TlsPeers.client(held.certificate());
        try (Response response = client.newCall(new Request.Builder()
                        .url("https://localhost:" + server.port() + "/")
                        .build())
                .execute()) {
            assertThat(response.code())
                    .as("GET https://localhost:PORT/ from a client trusting the keystore's certificate")
                    .isEqualTo(200);
            assertThat(response.body().string()).as("its body").isEqualTo("Hello World!");
            assertThat(response.handshake().peerCertificates().get(0))
                    .as("the certificate the server presented: the one in the keystore")
                    .isEqualTo(held.certificate());
        }
        assertThat(server.uri().toString()).as("the server's uri()").startsWith("https://");
    }

    @Weight(3)
    @ParameterizedTest(name = "a client offering only {0} gets {0}")
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void negotiatesTls13AndTls12(String protocol) throws Exception {
        HeldCertificate held = TlsPeers.localhostCertificate();
        serveFromKeystore(held);
        try (SSLSocket socket = TlsPeers.socket(server.port(), held.certificate(), protocol)) {
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol())
                    .as("the protocol negotiated with a client that offers only " + protocol)
                    .isEqualTo(protocol);
            assertThat(TlsPeers.get(socket)).as("GET / over " + protocol).startsWith("HTTP/1.1 200 ");
        }
    }

    @Test
    void refusesTls11() throws Exception {
        serveFromKeystore(TlsPeers.localhostCertificate());
        assertThat(TlsPeers.answerToClientHello(server.port(), 0x0303))
                .as(
                        "the first byte answering a TLS 1.2 ClientHello (22: a handshake record), to show the hello is good")
                .isEqualTo(22);
        assertThat(TlsPeers.answerToClientHello(server.port(), 0x0302))
                .as("the first byte answering a TLS 1.1 ClientHello: 21 (an alert) or -1 (closed), never 22 (a"
                        + " handshake)")
                .isIn(21, -1);
    }

    @Test
    void serverSocketsEnableOnlyTls13AndTls12() throws Exception {
        SSLContext context = Tls.fromPkcs12(
                TlsPeers.writePkcs12(folder, "server.p12", TlsPeers.localhostCertificate(), PASSWORD), PASSWORD);
        try (ServerSocket socket = Tls.serverSockets(context).createServerSocket()) {
            assertThat(socket)
                    .as("a server socket from Tls.serverSockets(context)")
                    .isInstanceOf(SSLServerSocket.class);
            assertThat(((SSLServerSocket) socket).getEnabledProtocols())
                    .as("the protocols its server sockets enable")
                    .containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        }
        assertThat(ServerSettings.onPort(0)
                        .withSocketFactory(Tls.serverSockets(context))
                        .secure())
                .as("ServerSettings.secure() with Tls.serverSockets(context): it must be an SSLServerSocketFactory")
                .isTrue();
    }

    @Weight(3)
    @Test
    void selfSignedCertificateNamesPassHostNameVerification() throws Exception {
        serve(Tls.selfSigned("localhost", "127.0.0.1"));
        X509Certificate presented = TrustStores.presentedBy("127.0.0.1", server.port());
        OkHttpClient client = TlsPeers.client(presented);
        for (String host : new String[] {"localhost", "127.0.0.1"}) {
            try (Response response = client.newCall(new Request.Builder()
                            .url("https://" + host + ":" + server.port() + "/")
                            .build())
                    .execute()) {
                assertThat(response.code())
                        .as("GET https://" + host + ":PORT/ from a host-name-verifying client trusting the certificate")
                        .isEqualTo(200);
            }
        }
        assertThatThrownBy(() -> client.newCall(new Request.Builder()
                                .url("https://other.test:" + server.port() + "/")
                                .build())
                        .execute()
                        .close())
                .as("GET https://other.test:PORT/: a name the certificate does not hold")
                .isInstanceOf(SSLPeerUnverifiedException.class);
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() throws Exception {
        serve(Tls.selfSigned("localhost"));
        X509Certificate stranger = TlsPeers.localhostCertificate().certificate();
        try (SSLSocket socket = TlsPeers.socket(server.port(), stranger, "TLSv1.3")) {
            assertThatThrownBy(socket::startHandshake)
                    .as("a handshake from a client trusting another certificate")
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void thePasswordIsNeitherClearedNorReadAfterTheCall() throws Exception {
        HeldCertificate held = TlsPeers.localhostCertificate();
        Path keystore = TlsPeers.writePkcs12(folder, "server.p12", held, PASSWORD);
        char[] password = PASSWORD.clone();

        SSLContext context = Tls.fromPkcs12(keystore, password);

        assertThat(password)
                .as("the caller's password array after Tls.fromPkcs12 (the caller's to clear, not cleared)")
                .isEqualTo(PASSWORD);
        Arrays.fill(password, '\0');
        serve(context);
        try (SSLSocket socket = TlsPeers.socket(server.port(), held.certificate(), "TLSv1.3")) {
            socket.startHandshake();
            assertThat(TlsPeers.get(socket))
                    .as("GET / after the caller cleared its password array (the context must not read it again)")
                    .startsWith("HTTP/1.1 200 ");
        }
    }

    @Test
    void aMissingKeystoreIsNamed() {
        Path missing = folder.resolve("nowhere.p12");
        assertThatThrownBy(() -> Tls.fromPkcs12(missing, PASSWORD))
                .as("Tls.fromPkcs12 of a file that does not exist")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void aWrongPasswordIsNamedWithTheFile() throws Exception {
        Path keystore = TlsPeers.writePkcs12(folder, "server.p12", TlsPeers.localhostCertificate(), PASSWORD);
        assertThatThrownBy(() -> Tls.fromPkcs12(keystore, "wrong".toCharArray()))
                .as("Tls.fromPkcs12 with a wrong password")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(keystore.toString())
                .hasMessageContaining("password");
    }

    @Test
    void aKeystoreWithoutAPrivateKeyIsNamed() throws Exception {
        Path keystore = TlsPeers.writeCertificateOnlyPkcs12(folder, TlsPeers.localhostCertificate(), PASSWORD);
        assertThatThrownBy(() -> Tls.fromPkcs12(keystore, PASSWORD))
                .as("Tls.fromPkcs12 of a keystore that holds a certificate but no private key")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(keystore.toString())
                .hasMessageContaining("private key");
    }

    @Test
    void aFileThatIsNotAKeystoreIsNamed() throws Exception {
        Path text = Files.writeString(folder.resolve("notes.txt"), "not a keystore\n");
        assertThatThrownBy(() -> Tls.fromPkcs12(text, PASSWORD))
                .as("Tls.fromPkcs12 of a text file")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text.toString());
    }

    @Test
    void selfSignedRejectsNoNameAndABadName() {
        assertThatThrownBy(Tls::selfSigned)
                .as("Tls.selfSigned() with no host name")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tls.selfSigned("localhost", "bad name!"))
                .as("Tls.selfSigned(\"localhost\", \"bad name!\")")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad name!");
        assertThatThrownBy(() -> Tls.selfSigned("1.2.3"))
                .as("Tls.selfSigned(\"1.2.3\"): not an IPv4 address, and a DNS name is never all digits")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.2.3");
    }
}

package io.prodev.labs.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.crypto.Cipher;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * What task 2's tests need on the client side, made without the lab's code: a server certificate (okhttp-tls), a
 * PKCS#12 keystore holding it (java.security.KeyStore), clients trusting one certificate, and a raw TLS ClientHello.
 */
final class TlsPeers {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private TlsPeers() {}

    /**
     * Initialises the JDK's TLS and JCE classes from test code. Their first use creates a {@code SecurityManager}
     * subclass inside the JDK (javax.crypto.JceSecurityManager), which the grader's sandbox refuses while learner code
     * is on the stack; done here first, the learner's code finds them ready, as it would outside the grader.
     */
    static void initialiseJdkCrypto() {
        try {
            Cipher.getMaxAllowedKeyLength("AES");
            SSLContext.getInstance("TLS").init(null, null, null);
            KeyPairGenerator.getInstance("EC").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An EC server certificate for localhost and 127.0.0.1, signed by itself. */
    static HeldCertificate localhostCertificate() {
        return new HeldCertificate.Builder()
                .commonName("localhost")
                .addSubjectAlternativeName("localhost")
                .addSubjectAlternativeName("127.0.0.1")
                .build();
    }

    /** Writes {@code held}'s key and certificate to a new PKCS#12 file in {@code folder}, under {@code password}. */
    static Path writePkcs12(Path folder, String name, HeldCertificate held, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", held.keyPair().getPrivate(), password, new Certificate[] {held.certificate()});
        Path file = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }

    /** A PKCS#12 file holding {@code held}'s certificate as a trusted entry, and no private key. */
    static Path writeCertificateOnlyPkcs12(Path folder, HeldCertificate held, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", held.certificate());
        Path file = folder.resolve("certificate-only.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }

    static HandshakeCertificates trusting(X509Certificate certificate) {
        return new HandshakeCertificates.Builder()
                .addTrustedCertificate(certificate)
                .build();
    }

    /**
     * An OkHttp client trusting {@code certificate} only, with OkHttp's host name verification, no redirects followed,
     * and every name resolved to 127.0.0.1 (so {@code https://localhost:PORT/} reaches the test's server whatever the
     * machine's hosts file says).
     */
    static OkHttpClient client(X509Certificate certificate) {
        HandshakeCertificates trust = trusting(certificate);
        return new OkHttpClient.Builder()
                .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
                .dns(host -> List.of(InetAddress.getByName("127.0.0.1")))
                .addNetworkInterceptor(TlsPeers::closeAfterEach)
                .followRedirects(false)
                .followSslRedirects(false)
                .callTimeout(TIMEOUT)
                .build();
    }

    /** A plain-HTTP OkHttp client that follows no redirect. */
    static OkHttpClient plainClient() {
        return new OkHttpClient.Builder()
                .addNetworkInterceptor(TlsPeers::closeAfterEach)
                .followRedirects(false)
                .followSslRedirects(false)
                .callTimeout(TIMEOUT)
                .build();
    }

    /** Sends every request with {@code Connection: close}, so that no test leaves a pooled connection open. */
    private static okhttp3.Response closeAfterEach(Interceptor.Chain chain) throws IOException {
        return chain.proceed(
                chain.request().newBuilder().header("Connection", "close").build());
    }

    /** A TLS socket to 127.0.0.1:port trusting {@code certificate}, offering only {@code protocol}; not handshaken. */
    static SSLSocket socket(int port, X509Certificate certificate, String protocol) throws IOException {
        SSLContext context = trusting(certificate).sslContext();
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        socket.setEnabledProtocols(new String[] {protocol});
        return socket;
    }

    /** Sends {@code GET /} on a connected socket and returns the whole response, the server closing after it. */
    static String get(Socket socket) throws IOException {
        socket.getOutputStream()
                .write("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /**
     * The first byte a TLS server answers a hand-made ClientHello of {@code version} ({@code 0x0302} TLS 1.1, {@code
     * 0x0303} TLS 1.2) with, offering ECDHE-ECDSA and ECDHE-RSA suites on P-256: 22 (a handshake record: the server
     * took it), 21 (an alert: refused) or -1 (closed: refused).
     */
    static int answerToClientHello(int port, int version) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(version >> 8);
        body.write(version);
        body.write(new byte[32], 0, 32); // random (zeros will do: the handshake never completes)
        body.write(0); // no session id
        int[] suites = {0xc02b, 0xc02f, 0xc009, 0xc013, 0xc00a, 0xc014, 0x002f};
        writeShort(body, suites.length * 2);
        for (int suite : suites) {
            writeShort(body, suite);
        }
        body.write(1); // one compression method
        body.write(0); // null
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        writeExtension(extensions, 0x000a, new int[] {0x0004, 0x0017, 0x0018}); // supported_groups: P-256, P-384
        writeExtension(extensions, 0x000b, new int[] {}, 0x01, 0x00); // ec_point_formats: uncompressed
        writeExtension(extensions, 0x000d, new int[] {0x0008, 0x0403, 0x0503, 0x0401, 0x0804}); // signature_algorithms
        writeShort(body, extensions.size());
        extensions.writeTo(body);

        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(22); // handshake
        writeShort(record, 0x0301);
        writeShort(record, body.size() + 4);
        record.write(1); // client_hello
        record.write(0);
        writeShort(record, body.size());
        body.writeTo(record);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(record.toByteArray());
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return in.read();
        } catch (java.net.SocketException reset) {
            return -1;
        }
    }

    private static void writeExtension(ByteArrayOutputStream out, int type, int[] shorts, int... bytes) {
        writeShort(out, type);
        writeShort(out, shorts.length * 2 + bytes.length);
        for (int value : shorts) {
            writeShort(out, value);
        }
        for (int value : bytes) {
            out.write(value);
        }
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value);
    }
}

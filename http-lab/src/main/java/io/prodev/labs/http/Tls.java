package io.prodev.labs.http;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import javax.net.ServerSocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The TLS side of HTTPS: a server's key and certificate, loaded from a PKCS#12 keystore or made on the spot for local
 * use, and server sockets that speak only TLS 1.3 and 1.2.
 *
 * <pre>{@code
 * SSLContext context = Tls.selfSigned("localhost", "127.0.0.1");
 * ServerSettings settings = ServerSettings.onPort(8443).withSocketFactory(Tls.serverSockets(context));
 * }</pre>
 */
public final class Tls {

    /** The protocols a server socket enables, newest first: everything older is broken or deprecated (RFC 8996). */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** How long a self-signed certificate is valid, from the moment it is made. */
    public static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(7);

    private Tls() {}

    /**
     * A TLS context serving the private key and certificate chain of the PKCS#12 file {@code keystore}, whose store and
     * key are protected by {@code password} (as {@code keytool -genkeypair -storetype PKCS12} and {@code openssl pkcs12
     * -export} write them). The caller keeps {@code password}: this method neither keeps nor clears it.
     *
     * @throws IllegalArgumentException naming the file when it does not exist, is not a PKCS#12 keystore, the password
     *     is wrong, or it holds no private key
     * @throws IOException when the file exists but cannot be read
     */
    public static SSLContext fromPkcs12(Path keystore, char[] password) throws IOException {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(password, "password");
        // BEGIN SOLUTION
        KeyStore store;
        try (InputStream in = Files.newInputStream(keystore)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new IllegalArgumentException("no keystore at " + keystore);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalArgumentException("wrong password for keystore " + keystore);
            }
            if (Files.isDirectory(keystore) || !Files.isReadable(keystore)) {
                throw e;
            }
            throw new IllegalArgumentException("not a PKCS#12 keystore: " + keystore + " (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read keystore " + keystore + ": " + e.getMessage());
        }
        try {
            if (!hasPrivateKey(store)) {
                throw new IllegalArgumentException(
                        "keystore " + keystore + " holds no private key (only certificates): a server needs its key");
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (UnrecoverableKeyException e) {
            throw new IllegalArgumentException("wrong password for the key in keystore " + keystore);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use keystore " + keystore + ": " + e.getMessage());
        }
        // END SOLUTION
    }

    /**
     * A TLS context with a new key pair (EC P-256) and a self-signed certificate for {@code hostnames}, which are DNS
     * names ({@code localhost}, {@code *.example.test}) or IP addresses ({@code 127.0.0.1}, {@code ::1}): each becomes
     * a subject alternative name of its kind, the first is also the subject's CN. The certificate is valid from the
     * moment it is made (to the second) for {@link #SELF_SIGNED_VALIDITY}. Nothing is written to disk; clients must be
     * told to trust this certificate ({@code curl -k}, or its PEM in their trust store).
     *
     * @throws IllegalArgumentException when no name is given, or naming one that is neither a DNS name nor an IP
     *     address
     */
    public static SSLContext selfSigned(String... hostnames) {
        Objects.requireNonNull(hostnames, "hostnames");
        // BEGIN SOLUTION
        if (hostnames.length == 0) {
            throw new IllegalArgumentException("a self-signed certificate needs at least one host name");
        }
        List<GeneralName> names = new ArrayList<>();
        for (String hostname : hostnames) {
            names.add(subjectAlternativeName(hostname));
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair pair = generator.generateKeyPair();
            Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            X500Name subject = new X500Name("CN=" + hostnames[0].replaceAll("[,+=\"\\\\<>;#]", "_"));
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            subject,
                            new BigInteger(64, new SecureRandom()).setBit(63),
                            Date.from(from),
                            Date.from(from.plus(SELF_SIGNED_VALIDITY)),
                            subject,
                            pair.getPublic())
                    .addExtension(
                            Extension.subjectAlternativeName,
                            false,
                            new GeneralNames(names.toArray(GeneralName[]::new)))
                    .addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = new char[0];
            store.setKeyEntry("server", pair.getPrivate(), password, new X509Certificate[] {certificate});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
        // END SOLUTION
    }

    /**
     * A factory for {@code ServerSettings.withSocketFactory}: its server sockets use {@code context} and enable only
     * {@link #PROTOCOLS}, so a client that offers nothing newer than TLS 1.1 fails the handshake. It is an {@link
     * SSLServerSocketFactory}, which is how {@link ServerSettings#secure()} knows the server speaks TLS.
     */
    public static ServerSocketFactory serverSockets(SSLContext context) {
        Objects.requireNonNull(context, "context");
        // BEGIN SOLUTION
        return new ModernProtocols(context.getServerSocketFactory());
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private static boolean hasPrivateKey(KeyStore store) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return true;
            }
        }
        return false;
    }

    private static GeneralName subjectAlternativeName(String hostname) {
        if (hostname == null) {
            throw new IllegalArgumentException("a host name must not be null");
        }
        if (hostname.matches("[0-9.]+") || hostname.contains(":")) {
            try {
                if (hostname.matches("[0-9.]+") && !hostname.matches("(\\d{1,3}\\.){3}\\d{1,3}")) {
                    throw new IllegalArgumentException("not an IP address: \"" + hostname + "\"");
                }
                InetAddress address = Addresses.parse(hostname);
                return new GeneralName(GeneralName.iPAddress, address.getHostAddress());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("neither a DNS name nor an IP address: \"" + hostname + "\"");
            }
        }
        String label = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
        if (hostname.length() > 253 || !hostname.matches("(\\*\\.)?" + label + "(\\." + label + ")*")) {
            throw new IllegalArgumentException("neither a DNS name nor an IP address: \"" + hostname + "\"");
        }
        return new GeneralName(GeneralName.dNSName, hostname);
    }

    /** The context's server sockets, each limited to {@link #PROTOCOLS}. */
    private static final class ModernProtocols extends SSLServerSocketFactory {

        private final SSLServerSocketFactory sockets;

        ModernProtocols(SSLServerSocketFactory sockets) {
            this.sockets = sockets;
        }

        private static ServerSocket limited(ServerSocket socket) {
            ((SSLServerSocket) socket).setEnabledProtocols(PROTOCOLS.toArray(String[]::new));
            return socket;
        }

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return limited(sockets.createServerSocket());
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return limited(sockets.createServerSocket(port));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return limited(sockets.createServerSocket(port, backlog));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            return limited(sockets.createServerSocket(port, backlog, address));
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return sockets.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return sockets.getSupportedCipherSuites();
        }
    }
    // END SOLUTION
}

package io.prodev.labs.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The client side of a self-signed server, as {@code openssl s_client} and {@code curl --cacert cert.pem} do it: look
 * at the certificate a server presents, then trust that one certificate, and no other, with the host name checked as
 * usual. (Trusting any certificate, {@code curl -k}, would let anyone in the middle answer.)
 */
public final class TrustStores {

    private TrustStores() {}

    /**
     * The certificate the TLS server at {@code host:port} presents, read without trusting or checking it: only to look
     * at it or to decide to trust it, never to send anything on that connection.
     */
    public static X509Certificate presentedBy(String host, int port) throws IOException {
        Objects.requireNonNull(host, "host");
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new LookOnly()}, null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(host, port), 5_000);
                socket.setSoTimeout(5_000);
                socket.startHandshake();
                return (X509Certificate) socket.getSession().getPeerCertificates()[0];
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the certificate of " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** A client context that trusts {@code certificate} only (a self-signed one, or a private CA's). */
    public static SSLContext trusting(X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("trusted", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make a trust store: " + e.getMessage(), e);
        }
    }

    /** Accepts any server certificate: used only to read it (see {@link #presentedBy}). */
    private static final class LookOnly implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

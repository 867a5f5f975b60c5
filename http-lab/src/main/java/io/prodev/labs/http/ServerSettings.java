package io.prodev.labs.http;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLServerSocketFactory;

/**
 * Where a server listens and the limits it holds every client to. Start from {@link #onPort} and change what you
 * need: {@code ServerSettings.onPort(0).withReadTimeout(Duration.ofSeconds(2))}.
 *
 * @param bindAddress the address to listen on (the loopback address by default: reachable from this machine only)
 * @param port the port, 0 for any free one (the server reports which)
 * @param readTimeout how long the server waits for a client's next bytes before it gives up on the connection
 * @param maxHeaderBytes the most bytes the request line and header fields may take together (431 beyond it)
 * @param maxBodyBytes the largest request body accepted (413 beyond it)
 * @param maxConnections how many connections are served at once; one more is answered 503 and closed
 * @param socketFactory makes the listening socket: the default for HTTP, an {@link SSLServerSocketFactory} for
 *     HTTPS
 */
public record ServerSettings(
        InetAddress bindAddress,
        int port,
        Duration readTimeout,
        int maxHeaderBytes,
        long maxBodyBytes,
        int maxConnections,
        ServerSocketFactory socketFactory) {

    /** 8 KiB of request line and headers, as nginx's default header buffer. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 8 * 1024;
    /** 1 MiB of body, as nginx's default client_max_body_size. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** 60 s, as nginx's default client_header_timeout and client_body_timeout. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    public static final int DEFAULT_MAX_CONNECTIONS = 256;

    public ServerSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(socketFactory, "socketFactory");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a port is 0 to 65535, got " + port);
        }
        if (readTimeout.isNegative() || readTimeout.isZero() || readTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the read timeout must be at least 1 ms, got " + readTimeout);
        }
        if (maxHeaderBytes < 64) {
            throw new IllegalArgumentException("the header limit must be at least 64 bytes, got " + maxHeaderBytes);
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("the body limit must be 0 or more, got " + maxBodyBytes);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("at least 1 connection must be allowed, got " + maxConnections);
        }
    }

    /** The defaults, on the loopback address and this port (0: any free one). */
    public static ServerSettings onPort(int port) {
        return new ServerSettings(
                InetAddress.getLoopbackAddress(),
                port,
                DEFAULT_READ_TIMEOUT,
                DEFAULT_MAX_HEADER_BYTES,
                DEFAULT_MAX_BODY_BYTES,
                DEFAULT_MAX_CONNECTIONS,
                ServerSocketFactory.getDefault());
    }

    public ServerSettings withBindAddress(InetAddress address) {
        return new ServerSettings(
                address, port, readTimeout, maxHeaderBytes, maxBodyBytes, maxConnections, socketFactory);
    }

    public ServerSettings withReadTimeout(Duration timeout) {
        return new ServerSettings(
                bindAddress, port, timeout, maxHeaderBytes, maxBodyBytes, maxConnections, socketFactory);
    }

    public ServerSettings withMaxHeaderBytes(int bytes) {
        return new ServerSettings(bindAddress, port, readTimeout, bytes, maxBodyBytes, maxConnections, socketFactory);
    }

    public ServerSettings withMaxBodyBytes(long bytes) {
        return new ServerSettings(bindAddress, port, readTimeout, maxHeaderBytes, bytes, maxConnections, socketFactory);
    }

    public ServerSettings withMaxConnections(int connections) {
        return new ServerSettings(
                bindAddress, port, readTimeout, maxHeaderBytes, maxBodyBytes, connections, socketFactory);
    }

    public ServerSettings withSocketFactory(ServerSocketFactory factory) {
        return new ServerSettings(
                bindAddress, port, readTimeout, maxHeaderBytes, maxBodyBytes, maxConnections, factory);
    }

    /** Whether the server speaks TLS (its socket factory makes SSL sockets). */
    public boolean secure() {
        return socketFactory instanceof SSLServerSocketFactory;
    }
}

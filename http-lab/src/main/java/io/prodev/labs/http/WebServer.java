package io.prodev.labs.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;

/**
 * An HTTP/1.1 server on plain blocking sockets: one thread accepts connections, and each connection is served by a
 * thread of its own, request after request (keep-alive), until the client closes it, a timeout or an error ends it,
 * or the server closes.
 *
 * <pre>{@code
 * try (WebServer server = WebServer.start(ServerSettings.onPort(0), request -> HttpResponse.text(200, "hi"))) {
 *     System.out.println("listening on " + server.uri());
 * }
 * }</pre>
 */
public final class WebServer implements AutoCloseable {

    // BEGIN SOLUTION: remove
    private final ServerSettings settings;
    private final Handler handler;
    private final ServerSocket listener;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger active = new AtomicInteger();
    private final Thread acceptor;
    private final RequestParser parser;
    private final ResponseWriter writer = new ResponseWriter(Clock.systemUTC());
    private volatile boolean closed;

    private WebServer(ServerSettings settings, Handler handler, ServerSocket listener) {
        this.settings = settings;
        this.handler = handler;
        this.listener = listener;
        this.parser = new RequestParser(settings.maxHeaderBytes(), settings.maxBodyBytes());
        AtomicInteger threads = new AtomicInteger();
        int port = listener.getLocalPort();
        this.connections = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "web-" + port + "-connection-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.acceptor = new Thread(this::acceptLoop, "web-" + port + "-accept");
        acceptor.setDaemon(true);
    }
    // END SOLUTION

    /**
     * Binds the listening socket as {@code settings} say and starts serving {@code handler}; returns once the server
     * accepts connections. A port that is in use fails here, with an {@link IOException} naming the address.
     *
     * <ul>
     *   <li>Every connection gets the read timeout (a client that sends nothing for that long is dropped; one that
     *       stopped half-way through a request gets 408), and TCP_NODELAY, since a response is written at once and
     *       waiting to fill a packet would add tens of milliseconds to each one.
     *   <li>Requests are read with {@link RequestParser} under the settings' limits; a {@link HttpProtocolException}
     *       is answered with its status and a one-line text body, then the connection is closed.
     *   <li>Responses are written with {@link ResponseWriter}; the connection stays open for the next request when
     *       the request allows it (HTTP/1.1 without {@code Connection: close}, HTTP/1.0 with {@code Connection:
     *       keep-alive}) and the writer says it may. What the handler left of the request body is read and dropped
     *       first.
     *   <li>A request with {@code Expect: 100-continue} gets {@code HTTP/1.1 100 Continue} before the handler runs.
     *   <li>An exception from the handler is answered 500 and closes the connection; the server goes on serving.
     *   <li>One connection over {@code maxConnections} is answered 503 and closed at once.
     * </ul>
     */
    public static WebServer start(ServerSettings settings, Handler handler) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(handler, "handler");
        // BEGIN SOLUTION
        ServerSocket listener = settings.socketFactory().createServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(settings.bindAddress(), settings.port()), 1024);
        } catch (IOException e) {
            listener.close();
            throw new IOException(
                    "cannot listen on " + settings.bindAddress().getHostAddress() + ":" + settings.port() + ": "
                            + e.getMessage(),
                    e);
        }
        WebServer server = new WebServer(settings, handler, listener);
        server.acceptor.start();
        return server;
        // END SOLUTION
    }

    /** The port the server listens on (the one the system chose, for port 0). */
    public int port() {
        // BEGIN SOLUTION
        return listener.getLocalPort();
        // END SOLUTION
    }

    /** The server's base URL: {@code http://127.0.0.1:PORT/}, or {@code https://...} when it speaks TLS. */
    public URI uri() {
        // BEGIN SOLUTION
        String host = settings.bindAddress().isAnyLocalAddress()
                ? "127.0.0.1"
                : settings.bindAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create((settings.secure() ? "https" : "http") + "://" + host + ":" + port() + "/");
        // END SOLUTION
    }

    /**
     * Stops the server: no new connection is accepted, every open connection is closed (a request being handled
     * fails), and the server's threads have ended when this returns. Closing twice does nothing.
     */
    @Override
    public void close() {
        // BEGIN SOLUTION
        if (closed) {
            return;
        }
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        connections.shutdownNow();
        try {
            acceptor.join(5_000);
            connections.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue; // one failed accept (a client that reset at once) does not stop the server
            }
            if (active.incrementAndGet() > settings.maxConnections()) {
                active.decrementAndGet();
                refuse(socket);
                continue;
            }
            open.add(socket);
            try {
                connections.execute(() -> serve(socket));
            } catch (RuntimeException rejected) { // the pool was shut down: the server is closing
                forget(socket);
            }
        }
    }

    /** Answers 503 on the accepting thread, with a short timeout so that a client that never reads cannot stall it. */
    private void refuse(Socket socket) {
        try (socket) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            writer.write(out, errorResponse(503, "too many connections, try again later"), "GET", "HTTP/1.1", false);
        } catch (IOException ignored) {
            // the client is gone or a TLS handshake failed: nothing to answer
        }
    }

    private void serve(Socket socket) {
        try {
            socket.setSoTimeout((int) settings.readTimeout().toMillis());
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
            boolean keepOpen = true;
            while (keepOpen && !closed) {
                keepOpen = serveOne(in, out, remote);
            }
        } catch (SocketTimeoutException | SocketException e) {
            // an idle client timed out, or the connection was reset or closed under us
        } catch (IOException | RuntimeException e) {
            // the connection failed mid-response; nothing more can be sent on it
        } finally {
            forget(socket);
        }
    }

    /** Serves one request; returns whether the connection stays open for another. */
    private boolean serveOne(InputStream in, OutputStream out, InetSocketAddress remote) throws IOException {
        HttpRequest request;
        try {
            request = parser.read(in, remote, settings.secure());
        } catch (HttpProtocolException e) {
            writer.write(out, errorResponse(e.status(), e.getMessage()), "GET", "HTTP/1.1", false);
            return false;
        }
        if (request == null) {
            return false; // the client closed the connection between requests
        }
        boolean keepAlive = request.version().equals("HTTP/1.1")
                ? !request.headers().hasToken("Connection", "close")
                : request.headers().hasToken("Connection", "keep-alive");
        if (request.version().equals("HTTP/1.1") && request.headers().hasToken("Expect", "100-continue")) {
            out.write(CONTINUE);
            out.flush();
        }
        HttpResponse response;
        try {
            response = handler.handle(request);
            if (response == null) {
                throw new IllegalStateException("the handler returned no response");
            }
        } catch (HttpProtocolException e) { // the body broke a rule while the handler read it
            writer.write(out, errorResponse(e.status(), e.getMessage()), request.method(), request.version(), false);
            return false;
        } catch (IOException | RuntimeException e) {
            writer.write(
                    out, errorResponse(500, "the server failed to answer"), request.method(), request.version(), false);
            return false;
        }
        boolean open = writer.write(out, response, request.method(), request.version(), keepAlive);
        if (open) {
            open = drain(request.body());
        }
        return open;
    }

    /** Reads what the handler left of the body, so the next request starts where it should. */
    private static boolean drain(InputStream body) {
        try {
            body.transferTo(OutputStream.nullOutputStream());
            return true;
        } catch (IOException e) {
            return false; // a malformed or cut body: the connection cannot be reused
        }
    }

    private static HttpResponse errorResponse(int status, String message) {
        return HttpResponse.text(status, status + " " + HttpStatus.reason(status) + ": " + message + "\n");
    }

    private void forget(Socket socket) {
        lingeringClose(socket);
        open.remove(socket);
        active.decrementAndGet();
    }

    /**
     * Closes the sending side first and reads what the client still sends for a moment: closing a socket with unread
     * bytes makes the kernel send a reset, which can destroy the response (a 413 the client never sees).
     */
    private void lingeringClose(Socket socket) {
        try {
            if (!closed && !socket.isClosed() && !(socket instanceof SSLSocket)) {
                socket.shutdownOutput();
                socket.setSoTimeout(LINGER_MILLIS);
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[8192];
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
                for (long read = 0; read < LINGER_BYTES && System.nanoTime() < deadline; ) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    read += n;
                }
            }
        } catch (IOException ignored) {
            // the client is gone already
        } finally {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static final int LINGER_MILLIS = 500;
    private static final long LINGER_BYTES = 1024 * 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    // END SOLUTION
}

package io.prodev.labs.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One HTTP/1.1 connection from the balancer to a backend, used for one exchange at a time: send a request, read the
 * response's head, then its body through the stream {@link #readResponse} returns. A connection whose response was
 * read to its end and that both sides allow to stay open can carry the next request (keep-alive).
 */
final class UpstreamConnection implements Closeable {

    /** A backend's response: its status, its header fields as sent, its body framed as its headers say. */
    record Response(int status, Headers headers, InputStream body, long length) {}

    // BEGIN SOLUTION: remove
    // Compiled once: String.matches would compile its pattern again for every response.
    private static final Pattern VERSION = Pattern.compile("HTTP/1\\.[01]");
    private static final Pattern STATUS = Pattern.compile("[1-5][0-9][0-9]");
    private static final Pattern LENGTH = Pattern.compile("[0-9]{1,18}");
    // END SOLUTION

    // BEGIN SOLUTION: remove
    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final URI backend;
    private final Socket socket;
    private final int readTimeoutMillis;
    private final InputStream in;
    private final OutputStream out;
    private boolean responseStarted;
    private boolean keepAlive;

    private UpstreamConnection(URI backend, Socket socket, int readTimeoutMillis) throws IOException {
        this.backend = backend;
        this.socket = socket;
        this.readTimeoutMillis = readTimeoutMillis;
        this.in = new BufferedInputStream(socket.getInputStream(), 8192);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
    }
    // END SOLUTION

    /**
     * Connects to {@code backend} ({@code http://host:port}) within {@code connectTimeout}; every later read waits at
     * most {@code readTimeout}. TCP_NODELAY is on. A refused connection throws {@link java.net.ConnectException}.
     */
    static UpstreamConnection open(URI backend, Duration connectTimeout, Duration readTimeout) throws IOException {
        // BEGIN SOLUTION
        Socket socket = new Socket();
        try {
            socket.connect(
                    new InetSocketAddress(backend.getHost(), backend.getPort()), (int) connectTimeout.toMillis());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) readTimeout.toMillis());
            return new UpstreamConnection(backend, socket, (int) readTimeout.toMillis());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        // END SOLUTION
    }

    /** The backend this connection goes to. */
    URI backend() {
        // BEGIN SOLUTION
        return backend;
        // END SOLUTION
    }

    /**
     * Sends a request: {@code METHOD target HTTP/1.1}, the header fields, then the body. {@code bodyLength} is the
     * body's length (sent with the {@code Content-Length} the headers hold; 0: no body) or -1 to send it chunked
     * ({@code Transfer-Encoding: chunked} is added). The head is flushed before the body is read, and each piece of
     * body as soon as it is read: a backend sees a slow upload as it comes.
     */
    void send(String method, String target, Headers headers, InputStream body, long bodyLength) throws IOException {
        // BEGIN SOLUTION
        responseStarted = false;
        StringBuilder head = new StringBuilder(256);
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (bodyLength < 0) {
            head.append("Transfer-Encoding: chunked\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        if (bodyLength < 0) {
            OutputStream chunks = BodyStreams.chunkedEncoder(out);
            copyFlushing(body, chunks);
            chunks.close();
        } else if (bodyLength > 0) {
            copyFlushing(body, out);
        }
        // END SOLUTION
    }

    /**
     * Reads the response's status line and header fields, skipping interim 1xx responses ({@code 100 Continue}), and
     * returns it with its body: none for a response to HEAD and for 204 and 304; the {@code Content-Length} next
     * bytes; the chunks of a chunked body; otherwise everything until the backend closes the connection. A backend
     * that closes before the first byte of its answer throws {@link EOFException}; a malformed head throws {@link
     * HttpProtocolException} (502).
     */
    Response readResponse(String requestMethod) throws IOException {
        // BEGIN SOLUTION
        while (true) {
            String statusLine = readLine();
            if (statusLine == null) {
                throw new EOFException(backend + " closed the connection before it answered");
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2
                    || !VERSION.matcher(parts[0]).matches()
                    || !STATUS.matcher(parts[1]).matches()) {
                throw new HttpProtocolException(502, backend + " sent a malformed status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            Headers headers = readHeaders();
            if (status < 200) {
                continue; // an interim response; the final one follows
            }
            keepAlive = parts[0].equals("HTTP/1.1")
                    ? !headers.hasToken("Connection", "close")
                    : headers.hasToken("Connection", "keep-alive");
            if (requestMethod.equals("HEAD") || status == 204 || status == 304) {
                return new Response(status, headers, InputStream.nullInputStream(), 0);
            }
            if (headers.contains("Transfer-Encoding") && headers.hasToken("Transfer-Encoding", "chunked")) {
                return new Response(status, headers, BodyStreams.chunked(in, Long.MAX_VALUE), -1);
            }
            if (!headers.contains("Transfer-Encoding") && headers.contains("Content-Length")) {
                String value = headers.first("Content-Length").orElseThrow().trim();
                if (!LENGTH.matcher(value).matches()) {
                    throw new HttpProtocolException(502, backend + " sent a bad Content-Length: " + value);
                }
                long length = Long.parseLong(value);
                return new Response(status, headers, BodyStreams.fixedLength(in, length), length);
            }
            keepAlive = false; // the body ends when the backend closes the connection
            return new Response(status, headers, in, -1);
        }
        // END SOLUTION
    }

    /** Whether any byte of the response came: before that, a failed request never reached a handler's answer. */
    boolean responseStarted() {
        // BEGIN SOLUTION
        return responseStarted;
        // END SOLUTION
    }

    /** Whether the last response lets the connection carry another request once its body has been read. */
    boolean keepAlive() {
        // BEGIN SOLUTION
        return keepAlive;
        // END SOLUTION
    }

    /**
     * Whether an idle connection can still be used: open, and the backend has neither closed it (a read would return
     * -1) nor sent anything unasked. Checked by reading with a 1 ms timeout, which must expire.
     */
    boolean isUsable() {
        // BEGIN SOLUTION
        if (socket.isClosed()) {
            return false;
        }
        try {
            socket.setSoTimeout(1);
            in.read();
            return false; // -1: closed by the backend; a byte: something nobody asked for
        } catch (SocketTimeoutException expected) {
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            try {
                socket.setSoTimeout(readTimeoutMillis);
            } catch (IOException ignored) {
                // closed: the next use fails and says so
            }
        }
        // END SOLUTION
    }

    @Override
    public void close() {
        // BEGIN SOLUTION
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed anyway
        }
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private static void copyFlushing(InputStream from, OutputStream to) throws IOException {
        byte[] buffer = new byte[8192];
        for (int n; (n = from.read(buffer)) >= 0; ) {
            to.write(buffer, 0, n);
            to.flush();
        }
    }

    private Headers readHeaders() throws IOException {
        Headers headers = new Headers();
        for (String line; !(line = readLine()).isEmpty(); ) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new HttpProtocolException(502, backend + " sent a malformed header line: " + line);
            }
            try {
                headers.add(
                        line.substring(0, colon).trim(),
                        line.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new HttpProtocolException(502, backend + " sent a malformed header line: " + line);
            }
        }
        return headers;
    }

    /** One line without CRLF; null when the stream ends before its first byte. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                if (line.size() == 0 && !responseStarted) {
                    return null;
                }
                throw new EOFException(backend + " closed the connection in the middle of its response head");
            }
            responseStarted = true;
            if (line.size() >= MAX_HEAD_BYTES) {
                throw new HttpProtocolException(502, backend + " sent a response head over 64 KiB");
            }
            line.write(b);
        }
        responseStarted = true;
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
    // END SOLUTION
}

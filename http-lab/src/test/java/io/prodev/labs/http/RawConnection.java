package io.prodev.labs.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A client connection that sends exactly the bytes a test gives, malformed ones too (a real client would refuse or
 * repair them), and reads responses byte by byte, so a test sees what the server put on the wire.
 */
final class RawConnection implements Closeable {

    /** One response as it came: the status line, the header fields (names in lower case) and the body. */
    record RawResponse(String statusLine, Map<String, String> headers, String body) {
        int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;

    RawConnection(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5_000);
        in = new BufferedInputStream(socket.getInputStream());
    }

    /** Opens a connection, sends {@code request}, reads one response and closes. */
    static RawResponse exchange(int port, String request) throws IOException {
        try (RawConnection connection = new RawConnection(port)) {
            connection.send(request);
            return connection.readResponse(false);
        }
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    void setReadTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /** Reads one response; {@code toHead} says it answers a HEAD (headers only). */
    RawResponse readResponse(boolean toHead) throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new EOFException("the server closed the connection without a response");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line; !(line = readLine()).isEmpty(); ) {
            int colon = line.indexOf(':');
            headers.merge(
                    line.substring(0, colon).toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).strip(),
                    (a, b) -> a + ", " + b);
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        if (status == 100) {
            return new RawResponse(statusLine, headers, "");
        }
        String body;
        if (toHead || status == 204 || status == 304) {
            body = "";
        } else if (headers.containsKey("content-length")) {
            body = new String(in.readNBytes(Integer.parseInt(headers.get("content-length"))), StandardCharsets.UTF_8);
        } else if ("chunked".equals(headers.get("transfer-encoding"))) {
            body = readChunks();
        } else {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new RawResponse(statusLine, headers, body);
    }

    /**
     * Whether the server closed the connection: the next read ends the stream (or the connection was reset)
     * within the read timeout. False when the read times out with the connection still open.
     */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** Decodes a chunked body here, not with the lab's BodyStreams, so that these tests do not rely on it. */
    private String readChunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size; (size = Integer.parseInt(readLine().split(";")[0].strip(), 16)) > 0; ) {
            body.writeBytes(in.readNBytes(size));
            readLine();
        }
        while (!readLine().isEmpty()) {
            // trailer fields
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

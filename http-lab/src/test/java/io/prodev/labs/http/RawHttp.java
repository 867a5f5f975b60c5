package io.prodev.labs.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, byte by byte, for what a client library hides or refuses: hop-by-hop headers, a body
 * sent in parts, a response read in parts.
 */
final class RawHttp implements AutoCloseable {

    /** A response as it came on the wire. */
    record Response(int status, Headers headers, String body) {}

    final Socket socket;
    final InputStream in;
    final OutputStream out;

    RawHttp(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends these bytes now. */
    RawHttp send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** Reads a response's status line and headers. */
    Response readHead() throws IOException {
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Headers headers = new Headers();
        for (String line; !(line = readLine()).isEmpty(); ) {
            int colon = line.indexOf(':');
            headers.add(
                    line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        return new Response(status, headers, "");
    }

    /** Reads a whole response: its head, then its body as its headers frame it. */
    Response readResponse() throws IOException {
        Response head = readHead();
        InputStream body;
        if (head.headers().hasToken("Transfer-Encoding", "chunked")) {
            body = BodyStreams.chunked(in, Long.MAX_VALUE);
        } else {
            body = BodyStreams.fixedLength(
                    in, Long.parseLong(head.headers().first("Content-Length").orElse("0")));
        }
        return new Response(head.status(), head.headers(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Reads exactly {@code count} bytes. */
    String readBytes(int count) throws IOException {
        return new String(in.readNBytes(count), StandardCharsets.UTF_8);
    }

    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new EOFException("the connection closed; read so far: " + line);
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

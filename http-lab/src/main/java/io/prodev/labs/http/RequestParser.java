package io.prodev.labs.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads HTTP/1.x requests from a connection's stream, one at a time, as RFC 9112 says: the request line, the header
 * fields up to the empty line, then the body framed by {@code Content-Length} or the chunked coding. Every limit is
 * checked while reading, so a client cannot make the server hold more than it allows.
 */
public final class RequestParser {

    private final int maxHeaderBytes;
    private final long maxBodyBytes;

    /**
     * @param maxHeaderBytes the most bytes the request line and header fields may take, line ends included
     * @param maxBodyBytes the largest body accepted
     */
    public RequestParser(int maxHeaderBytes, long maxBodyBytes) {
        if (maxHeaderBytes < 64) {
            throw new IllegalArgumentException("the header limit must be at least 64 bytes, got " + maxHeaderBytes);
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("the body limit must be 0 or more, got " + maxBodyBytes);
        }
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Reads the next request's head from {@code in} and returns the request, its body a stream over what follows.
     * Read the body (or skip it) before calling again: the next request starts after it.
     *
     * <ul>
     *   <li>Returns null when the stream ends before the request's first byte (the client closed an idle
     *       connection); a read timeout before the first byte is thrown as it came.
     *   <li>Empty lines before the request line are skipped; lines end in CRLF, or a bare LF.
     *   <li>400: a request line that is not {@code METHOD SP TARGET SP HTTP/x.y} (one space each, a method of token
     *       characters, a target starting with {@code /}, or {@code *} for OPTIONS, or an absolute
     *       {@code http://} or {@code https://} URL, which is turned into its path), a header line without a colon,
     *       with white space before the colon, or starting with white space (obsolete folding), a control character
     *       in a line, no {@code Host} in HTTP/1.1 or more than one, a Content-Length that is not a number or two that
     *       differ, both Content-Length and Transfer-Encoding, and a stream that ends inside the head.
     *   <li>505: a version other than HTTP/1.0 and HTTP/1.1; 501: a Transfer-Encoding other than {@code chunked}.
     *   <li>414: a request line longer than the header limit; 431: request line and header fields longer together.
     *   <li>413: a Content-Length over the body limit (before any of the body is read), or a chunked body that grows
     *       over it (while it is read).
     *   <li>408: a read timeout after the request's first byte.
     * </ul>
     */
    public HttpRequest read(InputStream in, InetSocketAddress remoteAddress, boolean secure) throws IOException {
        // BEGIN SOLUTION
        HeadReader head = new HeadReader(in);
        try {
            String requestLine;
            do {
                requestLine = head.readLine(414, "the request line is over " + maxHeaderBytes + " bytes");
                if (requestLine == null) {
                    return null;
                }
            } while (requestLine.isEmpty());
            String[] parts = parseRequestLine(requestLine);
            Headers headers = new Headers();
            for (String line;
                    !(line = head.readLine(431, "the header fields are over " + maxHeaderBytes + " bytes"))
                            .isEmpty(); ) {
                addHeader(headers, line);
            }
            String version = parts[2];
            String target = originForm(parts[1], headers);
            checkHost(version, headers);
            InputStream body = frameBody(in, headers);
            return new HttpRequest(parts[0], target, version, headers, body, remoteAddress, secure);
        } catch (SocketTimeoutException e) {
            if (head.bytesRead == 0) {
                throw e;
            }
            throw new HttpProtocolException(408, "the client stopped sending in the middle of its request");
        }
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private static final List<String> VERSIONS = List.of("HTTP/1.1", "HTTP/1.0");

    private static String[] parseRequestLine(String line) throws HttpProtocolException {
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new HttpProtocolException(400, "malformed request line: \"" + line + "\"");
        }
        if (!parts[0].chars().allMatch(c -> Headers.isTokenChar((char) c))) {
            throw new HttpProtocolException(400, "malformed method: \"" + parts[0] + "\"");
        }
        if (!VERSIONS.contains(parts[2])) {
            if (parts[2].matches("HTTP/[0-9]\\.[0-9]")) {
                throw new HttpProtocolException(505, "HTTP version not supported: " + parts[2]);
            }
            throw new HttpProtocolException(400, "malformed HTTP version: \"" + parts[2] + "\"");
        }
        return parts;
    }

    /** An absolute URL becomes its path and query; any other target must be a path, or * for OPTIONS. */
    private static String originForm(String target, Headers headers) throws HttpProtocolException {
        if (target.startsWith("/") || (target.equals("*"))) {
            return target;
        }
        String lower = target.toLowerCase(Locale.ROOT);
        for (String scheme : List.of("http://", "https://")) {
            if (lower.startsWith(scheme)) {
                int slash = target.indexOf('/', scheme.length());
                int query = target.indexOf('?', scheme.length());
                int end = slash < 0
                        ? (query < 0 ? target.length() : query)
                        : (query < 0 ? slash : Math.min(slash, query));
                String path = target.substring(end);
                return path.isEmpty() || path.startsWith("?") ? "/" + path : path;
            }
        }
        throw new HttpProtocolException(400, "malformed request target: \"" + target + "\"");
    }

    private static void addHeader(Headers headers, String line) throws HttpProtocolException {
        if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
            throw new HttpProtocolException(400, "obsolete line folding is not accepted: \"" + line + "\"");
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new HttpProtocolException(400, "malformed header line: \"" + line + "\"");
        }
        String name = line.substring(0, colon);
        if (!name.chars().allMatch(c -> Headers.isTokenChar((char) c))) {
            throw new HttpProtocolException(400, "malformed header name: \"" + name + "\"");
        }
        headers.add(name, line.substring(colon + 1).strip());
    }

    private static void checkHost(String version, Headers headers) throws HttpProtocolException {
        int hosts = headers.all("Host").size();
        if (hosts > 1 || (hosts == 0 && version.equals("HTTP/1.1"))) {
            throw new HttpProtocolException(400, "an HTTP/1.1 request needs exactly one Host header, got " + hosts);
        }
    }

    private InputStream frameBody(InputStream in, Headers headers) throws HttpProtocolException {
        List<String> lengths = headers.all("Content-Length");
        if (headers.contains("Transfer-Encoding")) {
            if (!lengths.isEmpty()) {
                throw new HttpProtocolException(
                        400, "a request must not have both Content-Length and Transfer-Encoding");
            }
            String coding = String.join(",", headers.all("Transfer-Encoding")).trim();
            if (!coding.equalsIgnoreCase("chunked")) {
                throw new HttpProtocolException(501, "transfer coding not supported: \"" + coding + "\"");
            }
            return BodyStreams.chunked(in, maxBodyBytes);
        }
        if (lengths.isEmpty()) {
            return InputStream.nullInputStream();
        }
        long length = -1;
        for (String value : lengths) {
            for (String part : value.split(",", -1)) {
                String digits = part.strip();
                if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
                    throw new HttpProtocolException(400, "malformed Content-Length: \"" + value + "\"");
                }
                long parsed = Long.parseLong(digits);
                if (length >= 0 && parsed != length) {
                    throw new HttpProtocolException(400, "Content-Length values differ: " + lengths);
                }
                length = parsed;
            }
        }
        if (length > maxBodyBytes) {
            throw new HttpProtocolException(
                    413, "the body of " + length + " bytes is over the limit of " + maxBodyBytes + " bytes");
        }
        return BodyStreams.fixedLength(in, length);
    }

    /** Reads the head's lines, counting every byte against the header limit. */
    private final class HeadReader {
        private final InputStream in;
        private int bytesRead;
        private byte[] line = new byte[256];

        HeadReader(InputStream in) {
            this.in = in;
        }

        /** The next line without its line end; null at the end of the stream before the head's first byte. */
        String readLine(int statusOverLimit, String overLimit) throws IOException {
            int length = 0;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    if (bytesRead == 0) {
                        return null;
                    }
                    throw new HttpProtocolException(400, "the request ended inside its head");
                }
                if (++bytesRead > maxHeaderBytes) {
                    throw new HttpProtocolException(statusOverLimit, overLimit);
                }
                if (b == '\n') {
                    if (length > 0 && line[length - 1] == '\r') {
                        length--;
                    }
                    return checkedLine(length);
                }
                if (length == line.length) {
                    line = Arrays.copyOf(line, length * 2);
                }
                line[length++] = (byte) b;
            }
        }

        private String checkedLine(int length) throws HttpProtocolException {
            for (int i = 0; i < length; i++) {
                byte b = line[i];
                if ((b >= 0 && b < 0x20 && b != '\t') || b == 0x7f) {
                    throw new HttpProtocolException(400, "a control character in the request head");
                }
            }
            // ISO-8859-1 keeps every byte as one char: header values are bytes, not UTF-8 text.
            return new String(line, 0, length, StandardCharsets.ISO_8859_1);
        }
    }
    // END SOLUTION
}

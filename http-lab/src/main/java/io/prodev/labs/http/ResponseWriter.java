package io.prodev.labs.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes responses on a connection as RFC 9112 says: the status line, the header fields, the framing the body needs,
 * then the body.
 */
public final class ResponseWriter {

    /** The HTTP date format ({@code Thu, 03 Dec 2026 18:40:00 GMT}), as {@code Date} and {@code Last-Modified} use. */
    public static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final Clock clock;

    /** A writer whose {@code Date} headers come from {@code clock}. */
    public ResponseWriter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Writes {@code response} to {@code out} as the answer to a request with this method, and flushes.
     *
     * <ul>
     *   <li>The status line is {@code HTTP/1.1 <status> <reason>} ({@link HttpStatus#reason}), whatever the
     *       request's version, as nginx does.
     *   <li>The handler's header fields go out in order, except {@code Content-Length}, {@code Transfer-Encoding}
     *       and {@code Connection}, which the writer sets itself; a {@code Date} is added unless the handler set one.
     *   <li>The body goes with a {@code Content-Length} when its length is known; otherwise chunked for HTTP/1.1,
     *       or, for HTTP/1.0, which has no chunks, until the connection closes.
     *   <li>A response to HEAD, and a 1xx, 204 or 304, has no body. To HEAD, the headers are those a GET would get
     *       (a {@code Content-Length} when the length is known, or the handler's own when the body is empty), and
     *       the body is discarded unread.
     *   <li>{@code Connection: close} when the connection will close after this response; {@code Connection:
     *       keep-alive} for an HTTP/1.0 request that stays open.
     * </ul>
     *
     * @param keepAlive whether the server would keep the connection open after this response
     * @return whether the connection may stay open: false when {@code keepAlive} was false, when the response said
     *     {@code Connection: close}, or when the body is delimited by closing the connection
     */
    public boolean write(
            OutputStream out, HttpResponse response, String requestMethod, String requestVersion, boolean keepAlive)
            throws IOException {
        // BEGIN SOLUTION
        int status = response.status();
        Headers given = response.headers();
        ResponseBody body = response.body();
        boolean head = requestMethod.equals("HEAD");
        boolean bodyless = head || status < 200 || status == 204 || status == 304;
        boolean http10 = requestVersion.equals("HTTP/1.0");
        boolean chunked = !bodyless && body.length() < 0 && !http10;
        boolean open =
                keepAlive && !given.hasToken("Connection", "close") && (bodyless || body.length() >= 0 || chunked);

        StringBuilder text = new StringBuilder(256);
        text.append("HTTP/1.1 ")
                .append(status)
                .append(' ')
                .append(HttpStatus.reason(status))
                .append("\r\n");
        given.forEach((name, value) -> {
            if (!isFraming(name)) {
                text.append(name).append(": ").append(value).append("\r\n");
            }
        });
        if (!given.contains("Date")) {
            text.append("Date: ").append(date()).append("\r\n");
        }
        if (head && body.length() <= 0 && given.contains("Content-Length")) {
            text.append("Content-Length: ")
                    .append(given.first("Content-Length").orElseThrow())
                    .append("\r\n");
        } else if (chunked) {
            text.append("Transfer-Encoding: chunked\r\n");
        } else if (body.length() >= 0 && (head || !bodyless)) {
            text.append("Content-Length: ").append(body.length()).append("\r\n");
        }
        if (!open) {
            text.append("Connection: close\r\n");
        } else if (http10) {
            text.append("Connection: keep-alive\r\n");
        }
        text.append("\r\n");
        out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));

        if (bodyless) {
            body.discard();
        } else if (chunked) {
            OutputStream chunks = BodyStreams.chunkedEncoder(out);
            body.writeTo(chunks);
            chunks.close();
        } else {
            body.writeTo(out);
        }
        out.flush();
        return open;
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    /** The last second seen and its text: thousands of responses a second share one Date, formatted once. */
    private volatile CachedDate cachedDate = new CachedDate(Long.MIN_VALUE, "");

    private record CachedDate(long second, String text) {}

    private String date() {
        long second = clock.instant().getEpochSecond();
        CachedDate cached = cachedDate;
        if (cached.second() != second) {
            cached = new CachedDate(second, HTTP_DATE.format(Instant.ofEpochSecond(second)));
            cachedDate = cached;
        }
        return cached.text();
    }

    private static boolean isFraming(String name) {
        return name.equalsIgnoreCase("Content-Length")
                || name.equalsIgnoreCase("Transfer-Encoding")
                || name.equalsIgnoreCase("Connection");
    }
    // END SOLUTION
}

package io.prodev.labs.http;

import java.util.Objects;

/**
 * A response a handler returns: a status, header fields and a body. The server adds what the protocol needs when it
 * sends it ({@code Date}, {@code Content-Length} or chunked framing, {@code Connection: close}), so a handler sets
 * only what it means.
 */
public final class HttpResponse {

    private final int status;
    private final Headers headers;
    private final ResponseBody body;

    public HttpResponse(int status, Headers headers, ResponseBody body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("a status is 100 to 599, got " + status);
        }
        this.status = status;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = Objects.requireNonNull(body, "body");
    }

    /** A {@code text/plain; charset=utf-8} response. */
    public static HttpResponse text(int status, String text) {
        return new HttpResponse(
                status, new Headers().add("Content-Type", "text/plain; charset=utf-8"), ResponseBody.of(text));
    }

    /** A {@code text/html; charset=utf-8} response. */
    public static HttpResponse html(int status, String html) {
        return new HttpResponse(
                status, new Headers().add("Content-Type", "text/html; charset=utf-8"), ResponseBody.of(html));
    }

    /** A response with no body. */
    public static HttpResponse empty(int status) {
        return new HttpResponse(status, new Headers(), ResponseBody.empty());
    }

    /** Adds a header field and returns this response, for chaining. */
    public HttpResponse header(String name, String value) {
        headers.add(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    /** The header fields, which a handler or middleware may change until the response is sent. */
    public Headers headers() {
        return headers;
    }

    public ResponseBody body() {
        return body;
    }
}

package io.prodev.labs.http;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request as the server read it: the request line, the header fields and the body as a stream.
 *
 * @param method the method, as sent ({@code GET}, {@code POST}, ...): methods are case-sensitive
 * @param target the request target, as sent: {@code /static/a%20b.txt?x=1} (still percent-encoded)
 * @param version {@code HTTP/1.1} or {@code HTTP/1.0}
 * @param headers the header fields, in order
 * @param body the body's bytes and no more: it ends where the body ends (Content-Length or the last chunk), so a
 *     handler cannot read into the next request; empty when the request has no body
 * @param remoteAddress the client's address (for a proxied request, the proxy's)
 * @param secure whether the request came over TLS
 */
public record HttpRequest(
        String method,
        String target,
        String version,
        Headers headers,
        InputStream body,
        InetSocketAddress remoteAddress,
        boolean secure) {

    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /** The target's path, before any {@code ?}, still percent-encoded: {@code /static/a%20b.txt}. */
    public String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /** The target's query, after the first {@code ?}, or the empty string when there is none. */
    public String query() {
        int query = target.indexOf('?');
        return query < 0 ? "" : target.substring(query + 1);
    }

    /** The value of the first header field named {@code name}. */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /** The same request with other headers (middleware uses it to pass on what it learnt). */
    public HttpRequest withHeaders(Headers newHeaders) {
        return new HttpRequest(method, target, version, newHeaders, body, remoteAddress, secure);
    }
}

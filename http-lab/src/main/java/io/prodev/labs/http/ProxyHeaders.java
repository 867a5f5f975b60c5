package io.prodev.labs.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The header rules of a proxy (RFC 9110 section 7.6): hop-by-hop fields describe one connection and stop at the
 * proxy, in both directions; the backend learns who the client was from {@code X-Forwarded-For} and {@code
 * X-Forwarded-Proto}.
 */
public final class ProxyHeaders {

    /** The fields that are always hop-by-hop, besides every field the {@code Connection} field names. */
    public static final List<String> HOP_BY_HOP =
            List.of("Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade");

    private ProxyHeaders() {}

    /**
     * A copy of {@code headers} without its hop-by-hop fields: those of {@link #HOP_BY_HOP} and every field named in
     * a {@code Connection} field ({@code Connection: close, X-Secret} removes {@code X-Secret} too). The others keep
     * their order and case; {@code headers} is not changed.
     */
    public static Headers withoutHopByHop(Headers headers) {
        // BEGIN SOLUTION
        List<String> drop = new ArrayList<>(HOP_BY_HOP);
        for (String value : headers.all("Connection")) {
            for (String name : value.split(",")) {
                drop.add(name.trim());
            }
        }
        Headers kept = new Headers(headers);
        for (String name : drop) {
            kept.remove(name);
        }
        return kept;
        // END SOLUTION
    }

    /**
     * The headers a request goes to a backend with: {@code request}'s without hop-by-hop fields and without {@code
     * Expect} (the server answered it already), {@code Host} as the client sent it, the client's IP address appended
     * to {@code X-Forwarded-For} ({@code 10.0.0.7} becomes {@code 10.0.0.7, 127.0.0.1}; one field, added when
     * there was none), and {@code X-Forwarded-Proto} set to {@code https} when the request came over TLS, else
     * {@code http}.
     */
    public static Headers forBackend(HttpRequest request) {
        // BEGIN SOLUTION
        Headers headers = withoutHopByHop(request.headers());
        headers.remove("Expect");
        String client = request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().getAddress().getHostAddress();
        List<String> earlier = headers.all("X-Forwarded-For");
        headers.set("X-Forwarded-For", earlier.isEmpty() ? client : String.join(", ", earlier) + ", " + client);
        headers.set("X-Forwarded-Proto", request.secure() ? "https" : "http");
        return headers;
        // END SOLUTION
    }
}

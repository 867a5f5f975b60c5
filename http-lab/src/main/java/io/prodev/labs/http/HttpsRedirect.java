package io.prodev.labs.http;

import java.util.Optional;

/**
 * The plain-HTTP side of an HTTPS site: every request, whatever its method, is answered {@code 301 Moved
 * Permanently} to the same path and query on the HTTPS port, as nginx's {@code return 301
 * https://$host$request_uri;} does. A browser follows it, and with {@link Hsts} it never asks over HTTP again.
 */
public final class HttpsRedirect implements Handler {

    // BEGIN SOLUTION: remove
    private final int httpsPort;
    // END SOLUTION

    /**
     * @param httpsPort the port the HTTPS server listens on, 1 to 65535; 443, the default, is left out of the URL
     * @throws IllegalArgumentException naming the port when it is out of range
     */
    public HttpsRedirect(int httpsPort) {
        // BEGIN SOLUTION
        if (httpsPort < 1 || httpsPort > 65535) {
            throw new IllegalArgumentException("an HTTPS port is 1 to 65535, got " + httpsPort);
        }
        this.httpsPort = httpsPort;
        // END SOLUTION
    }

    /**
     * <ul>
     *   <li>301 with {@code Location: https://<host>[:<https port>]<target>}: the host is the request's {@code Host}
     *       header without its port (a bracketed IPv6 address keeps its brackets), the port is left out when it is
     *       443, and the target is the request's, path and query as sent.
     *   <li>400 when the request has no usable {@code Host} (missing, as HTTP/1.0 allows, empty, or holding anything
     *       but a host name, an IPv4 or bracketed IPv6 address and an optional {@code :port}), or its target does not
     *       start with {@code /}: such a request cannot be redirected safely.
     * </ul>
     */
    @Override
    public HttpResponse handle(HttpRequest request) {
        // BEGIN SOLUTION
        Optional<String> host = request.header("Host").flatMap(HttpsRedirect::hostWithoutPort);
        if (host.isEmpty() || !request.target().startsWith("/")) {
            return HttpResponse.text(400, "400 Bad Request: no usable Host header or target to redirect to\n");
        }
        String location = "https://" + host.get() + (httpsPort == 443 ? "" : ":" + httpsPort) + request.target();
        return HttpResponse.html(301, "<html><body><h1>301 Moved Permanently</h1></body></html>\n")
                .header("Location", location);
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    /** {@code example.com:8080} -> {@code example.com}; {@code [::1]:80} -> {@code [::1]}; empty when not a host. */
    private static Optional<String> hostWithoutPort(String value) {
        String text = value.trim();
        if (!text.matches("([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+])(:[0-9]{0,5})?")) {
            return Optional.empty();
        }
        int colon = text.lastIndexOf(':');
        return Optional.of(colon > text.lastIndexOf(']') ? text.substring(0, colon) : text);
    }
    // END SOLUTION
}

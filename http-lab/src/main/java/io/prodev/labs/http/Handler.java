package io.prodev.labs.http;

import java.io.IOException;

/**
 * Answers requests: the one interface between the server and everything it serves (a site, static files, a proxy,
 * middleware wrapping another handler). The server calls it on the connection's thread, once per request, and may
 * call it from many threads at once.
 */
@FunctionalInterface
public interface Handler {

    /**
     * Answers {@code request}. The handler may read the request's body; the server discards what it leaves. An
     * exception makes the server answer 500 (when nothing was sent yet) and close the connection.
     */
    HttpResponse handle(HttpRequest request) throws IOException;
}

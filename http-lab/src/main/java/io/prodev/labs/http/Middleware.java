package io.prodev.labs.http;

/**
 * Something that stands in front of a handler: it gets each request before the handler does and the response after
 * it, and may answer by itself instead (a 403, a 429) without calling the handler at all. {@link Chain} puts several
 * in front of one handler.
 *
 * <pre>{@code
 * Middleware poweredBy = next -> request -> next.handle(request).header("X-Powered-By", "http-lab");
 * }</pre>
 */
@FunctionalInterface
public interface Middleware {

    /** A handler that does this middleware's work around {@code next}, which it calls to pass the request on. */
    Handler wrap(Handler next);
}

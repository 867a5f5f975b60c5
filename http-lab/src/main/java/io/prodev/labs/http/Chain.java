package io.prodev.labs.http;

import java.util.List;
import java.util.Objects;

/**
 * Middleware in a fixed order in front of a handler. The first listed is the outermost: it sees each request first
 * and each response last.
 *
 * <pre>{@code
 * Handler app = Chain.of(authentication, requestLog, timeWindow, postRateLimit, rolePermission).then(site);
 * }</pre>
 *
 * <p>A request passes through {@code authentication}, then {@code requestLog}, ... and reaches {@code site} only when
 * none of them answered it by itself; the response goes back through them in the opposite order.
 */
public final class Chain {

    private final List<Middleware> middlewares;

    private Chain(List<Middleware> middlewares) {
        this.middlewares = middlewares;
    }

    /** These middlewares, the first the outermost. None at all is allowed: then {@link #then} adds nothing. */
    public static Chain of(Middleware... middlewares) {
        Objects.requireNonNull(middlewares, "middlewares");
        for (int i = 0; i < middlewares.length; i++) {
            Objects.requireNonNull(middlewares[i], "middleware " + (i + 1) + " of " + middlewares.length);
        }
        return new Chain(List.of(middlewares));
    }

    /**
     * The handler that runs a request through every middleware, in order, and then {@code handler}. Each middleware's
     * {@link Middleware#wrap} is called once, here, not once per request.
     */
    public Handler then(Handler handler) {
        Objects.requireNonNull(handler, "handler");
        // BEGIN SOLUTION
        Handler wrapped = handler;
        for (int i = middlewares.size() - 1; i >= 0; i--) {
            wrapped = Objects.requireNonNull(
                    middlewares.get(i).wrap(wrapped), "middleware " + (i + 1) + " returned no handler");
        }
        return wrapped;
        // END SOLUTION
    }
}

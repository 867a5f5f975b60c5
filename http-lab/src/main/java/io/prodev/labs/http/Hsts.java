package io.prodev.labs.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * HTTP Strict Transport Security (RFC 6797): wraps a handler and adds {@code Strict-Transport-Security: max-age=<
 * seconds>; includeSubDomains} to each response to a request that came over TLS. A browser that saw it goes to this
 * host (and its subdomains) over HTTPS only, for that long, without asking over plain HTTP first, where an attacker
 * could have answered. Over plain HTTP the header means nothing (anyone could have sent it), so it is never added
 * there.
 */
public final class Hsts implements Handler {

    /** One year, as the HSTS preload list asks. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(365);

    // BEGIN SOLUTION: remove
    private final Handler next;
    private final String value;
    // END SOLUTION

    /** HSTS for {@link #DEFAULT_MAX_AGE}: {@code max-age=31536000; includeSubDomains}. */
    public Hsts(Handler next) {
        this(next, DEFAULT_MAX_AGE);
    }

    /**
     * @param next the handler whose responses get the header
     * @param maxAge how long browsers remember it, in whole seconds (a fraction is dropped); zero tells them to forget
     * @throws IllegalArgumentException naming the value when {@code maxAge} is negative
     */
    public Hsts(Handler next, Duration maxAge) {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(maxAge, "maxAge");
        // BEGIN SOLUTION
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("an HSTS max-age must not be negative, got " + maxAge);
        }
        this.next = next;
        this.value = "max-age=" + maxAge.getSeconds() + "; includeSubDomains";
        // END SOLUTION
    }

    /**
     * The wrapped handler's response; when {@code request.secure()}, with exactly one {@code Strict-Transport-Security}
     * field (replacing any the handler set), on every status. What the handler throws passes through.
     */
    @Override
    public HttpResponse handle(HttpRequest request) throws IOException {
        // BEGIN SOLUTION
        HttpResponse response = next.handle(request);
        if (request.secure() && response != null) {
            response.headers().set("Strict-Transport-Security", value);
        }
        return response;
        // END SOLUTION
    }
}

package io.prodev.labs.http;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Objects;

/**
 * Lets requests through only between two times of day, as the clock reads them in its zone: {@code [opens, closes)},
 * so {@code opens} is inside and {@code closes} is not. A window may cross midnight: 22:00 to 06:00 is open at night.
 */
public final class TimeWindow implements Middleware {

    // BEGIN SOLUTION: remove
    private final LocalTime opens;
    private final LocalTime closes;
    private final Clock clock;
    // END SOLUTION

    /**
     * @throws IllegalArgumentException naming both, when {@code opens} equals {@code closes} (an empty window, or a
     *     whole day: say which by not using this middleware)
     */
    public TimeWindow(LocalTime opens, LocalTime closes, Clock clock) {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(clock, "clock");
        // BEGIN SOLUTION
        if (opens.equals(closes)) {
            throw new IllegalArgumentException(
                    "a time window needs two different times, got opens " + opens + " and closes " + closes);
        }
        this.opens = opens;
        this.closes = closes;
        this.clock = clock;
        // END SOLUTION
    }

    /**
     * Inside the window, passes the request on; outside it, answers {@code 403} itself ({@code text/plain}, a body
     * saying when it opens) without calling the next handler. The time is read once per request.
     */
    @Override
    public Handler wrap(Handler next) {
        Objects.requireNonNull(next, "next");
        // BEGIN SOLUTION
        return request -> {
            LocalTime now = LocalTime.now(clock);
            boolean open = opens.isBefore(closes)
                    ? !now.isBefore(opens) && now.isBefore(closes)
                    : !now.isBefore(opens) || now.isBefore(closes);
            if (!open) {
                return HttpResponse.text(403, "403 Forbidden: open from " + opens + " to " + closes + "\n");
            }
            return next.handle(request);
        };
        // END SOLUTION
    }
}

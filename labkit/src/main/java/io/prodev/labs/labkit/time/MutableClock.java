package io.prodev.labs.labkit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it. Code under test that reads time through a
 * {@code Clock} can then be tested for expiry, timeouts and schedules without sleeping and without
 * flaky timing.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * ReadThroughCache<String, String> cache = new ReadThroughCache<>(loader, Duration.ofMinutes(5), clock);
 * cache.get("a");
 * clock.advance(Duration.ofMinutes(5));   // now the entry has expired
 * }</pre>
 *
 * <p>Safe to share between threads: the instant is held in an {@link AtomicReference}.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock that reads {@code start} in UTC until it is moved. */
    public static MutableClock at(Instant start) {
        return new MutableClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /**
     * Moves the clock forward (or back, for a negative amount) and returns the new instant.
     *
     * @throws NullPointerException if {@code amount} is null
     */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        return now.updateAndGet(instant -> instant.plus(amount));
    }

    /** Sets the clock to {@code instant}. */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moving instant seen in another zone: advancing either clock moves both. */
    @Override
    public Clock withZone(ZoneId otherZone) {
        return new MutableClock(now, Objects.requireNonNull(otherZone, "zone"));
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + ", " + zone + "]";
    }
}

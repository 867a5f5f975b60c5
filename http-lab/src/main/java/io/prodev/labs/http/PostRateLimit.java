package io.prodev.labs.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Limits how many POST requests each client may send in a sliding window of time: by default 5 per minute. GET and
 * every other method pass untouched and are never counted.
 */
public final class PostRateLimit implements Middleware {

    /** POSTs a client may send per window, by default. */
    public static final int DEFAULT_LIMIT = 5;

    /** The window, by default. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

    // BEGIN SOLUTION: remove
    private record Post(InetAddress client, Instant at) {}

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Set<InetAddress> trustedProxies;
    private final Map<InetAddress, Deque<Instant>> counted = new HashMap<>();
    private final Deque<Post> oldestFirst = new ArrayDeque<>();
    // END SOLUTION

    /**
     * @param limit the POSTs a client may send in any {@code window}, at least 1
     * @param window how long a POST counts, more than zero
     * @param trustedProxies the peers whose {@code X-Forwarded-For} is believed (may be empty)
     * @throws IllegalArgumentException naming the value, for a limit below 1 or a window of zero or less
     */
    public PostRateLimit(int limit, Duration window, Clock clock, Set<InetAddress> trustedProxies) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        // BEGIN SOLUTION
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be longer than zero, got " + window);
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.trustedProxies = Set.copyOf(trustedProxies);
        // END SOLUTION
    }

    /** {@link #DEFAULT_LIMIT} POSTs per {@link #DEFAULT_WINDOW}. */
    public PostRateLimit(Clock clock, Set<InetAddress> trustedProxies) {
        this(DEFAULT_LIMIT, DEFAULT_WINDOW, clock, trustedProxies);
    }

    /**
     * Counts POSTs per client and refuses those over the limit.
     *
     * <ul>
     *   <li>The client is the request's peer address ({@link HttpRequest#remoteAddress()}), except when the peer is one
     *       of the trusted proxies and the request has {@code X-Forwarded-For}: then it is the first entry of that
     *       header (of its first field, when there are several), an IPv4 ({@code 203.0.113.7}) or IPv6 address. An
     *       entry that is not one is ignored (the peer is the client), and a name is never looked up in DNS.
     *   <li>A POST at time {@code t} counts until {@code t + window}, not included. A POST that finds fewer than
     *       {@code limit} counted ones of its client is counted and passed on.
     *   <li>Otherwise it is answered {@code 429} ({@code text/plain}) with {@code Retry-After: <seconds>}, the time
     *       until the client's oldest counted POST stops counting, in whole seconds rounded up; it is not counted, and
     *       the next handler is not called.
     *   <li>A client is forgotten once none of its POSTs counts any more, so memory holds only the last window's POSTs.
     *   <li>Safe for many threads at once: no more than {@code limit} POSTs of one client pass in any window.
     * </ul>
     */
    @Override
    public Handler wrap(Handler next) {
        Objects.requireNonNull(next, "next");
        // BEGIN SOLUTION
        return request -> {
            if (!request.method().equals("POST")) {
                return next.handle(request);
            }
            long retryAfter = admit(client(request));
            if (retryAfter > 0) {
                return HttpResponse.text(429, "429 Too Many Requests: try again in " + retryAfter + " s\n")
                        .header("Retry-After", Long.toString(retryAfter));
            }
            return next.handle(request);
        };
        // END SOLUTION
    }

    /** The number of clients with at least one POST counted in the window that ends now. */
    public int trackedClients() {
        // BEGIN SOLUTION
        synchronized (counted) {
            forgetBefore(clock.instant().minus(window));
            return counted.size();
        }
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    /** Counts a POST of {@code client} and returns 0, or returns the seconds to wait when it is over the limit. */
    private long admit(InetAddress client) {
        synchronized (counted) {
            Instant now = clock.instant();
            forgetBefore(now.minus(window));
            Deque<Instant> posts = counted.computeIfAbsent(client, c -> new ArrayDeque<>());
            if (posts.size() >= limit) {
                Duration wait = Duration.between(now, posts.peekFirst().plus(window));
                return Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
            }
            posts.addLast(now);
            oldestFirst.addLast(new Post(client, now));
            return 0;
        }
    }

    /** Drops every POST at or before {@code cutoff}, and every client left with none; O(1) per POST dropped. */
    private void forgetBefore(Instant cutoff) {
        while (!oldestFirst.isEmpty() && !oldestFirst.peekFirst().at().isAfter(cutoff)) {
            Post post = oldestFirst.removeFirst();
            Deque<Instant> posts = counted.get(post.client());
            posts.removeFirst();
            if (posts.isEmpty()) {
                counted.remove(post.client());
            }
        }
    }

    private InetAddress client(HttpRequest request) {
        InetAddress peer = request.remoteAddress().getAddress();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> forwarded = request.headers().all("X-Forwarded-For");
        if (forwarded.isEmpty()) {
            return peer;
        }
        String first = forwarded.get(0).split(",", -1)[0].strip();
        InetAddress client = literal(first);
        return client == null ? peer : client;
    }

    /** An IPv4 or IPv6 literal, or null: never a DNS lookup. */
    private static InetAddress literal(String text) {
        try {
            if (text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                String[] parts = text.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(parts[i]);
                    if (octet > 255) {
                        return null;
                    }
                    bytes[i] = (byte) octet;
                }
                return InetAddress.getByAddress(bytes);
            }
            if (text.contains(":") && text.matches("[0-9A-Fa-f:.]+")) {
                return InetAddress.getByName("[" + text + "]"); // brackets: a literal or an error, never a lookup
            }
        } catch (UnknownHostException e) {
            return null;
        }
        return null;
    }
    // END SOLUTION
}

package io.prodev.labs.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link LoadBalancer} works: its policy, its health checks, its timeouts and its connection pool. Start from
 * {@link #defaults()} and change what you need: {@code BalancerSettings.defaults().withPolicy(LEAST_CONNECTIONS)}.
 *
 * @param policy how each request's backend is chosen
 * @param healthPath the path every health check asks for with GET ({@code /health}); a 2xx answer means healthy
 * @param healthInterval the time between two rounds of health checks
 * @param healthTimeout how long a health check may take to connect and to answer before it counts as failed
 * @param connectTimeout how long connecting to a backend for a request may take
 * @param readTimeout how long a backend may stay silent while it answers a request (then 504)
 * @param maxIdlePerBackend how many idle keep-alive connections the pool keeps per backend (0: none)
 */
public record BalancerSettings(
        BalancingPolicy policy,
        String healthPath,
        Duration healthInterval,
        Duration healthTimeout,
        Duration connectTimeout,
        Duration readTimeout,
        int maxIdlePerBackend) {

    public BalancerSettings {
        Objects.requireNonNull(policy, "policy");
        if (healthPath == null
                || !healthPath.startsWith("/")
                || healthPath.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException(
                    "the health path must start with / and hold no spaces, got \"" + healthPath + "\"");
        }
        checkMillis("health interval", healthInterval);
        checkMillis("health timeout", healthTimeout);
        checkMillis("connect timeout", connectTimeout);
        checkMillis("read timeout", readTimeout);
        if (maxIdlePerBackend < 0) {
            throw new IllegalArgumentException(
                    "the idle connections per backend must be 0 or more, got " + maxIdlePerBackend);
        }
    }

    /** Round-robin, {@code GET /health} every 2 s (1 s to answer), 1 s to connect, 30 s to answer, 8 idle. */
    public static BalancerSettings defaults() {
        return new BalancerSettings(
                BalancingPolicy.ROUND_ROBIN,
                "/health",
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                8);
    }

    public BalancerSettings withPolicy(BalancingPolicy newPolicy) {
        return new BalancerSettings(
                newPolicy, healthPath, healthInterval, healthTimeout, connectTimeout, readTimeout, maxIdlePerBackend);
    }

    public BalancerSettings withHealthPath(String path) {
        return new BalancerSettings(
                policy, path, healthInterval, healthTimeout, connectTimeout, readTimeout, maxIdlePerBackend);
    }

    public BalancerSettings withHealthInterval(Duration interval) {
        return new BalancerSettings(
                policy, healthPath, interval, healthTimeout, connectTimeout, readTimeout, maxIdlePerBackend);
    }

    public BalancerSettings withHealthTimeout(Duration timeout) {
        return new BalancerSettings(
                policy, healthPath, healthInterval, timeout, connectTimeout, readTimeout, maxIdlePerBackend);
    }

    public BalancerSettings withConnectTimeout(Duration timeout) {
        return new BalancerSettings(
                policy, healthPath, healthInterval, healthTimeout, timeout, readTimeout, maxIdlePerBackend);
    }

    public BalancerSettings withReadTimeout(Duration timeout) {
        return new BalancerSettings(
                policy, healthPath, healthInterval, healthTimeout, connectTimeout, timeout, maxIdlePerBackend);
    }

    public BalancerSettings withMaxIdlePerBackend(int connections) {
        return new BalancerSettings(
                policy, healthPath, healthInterval, healthTimeout, connectTimeout, readTimeout, connections);
    }

    /** A duration of 1 ms to 1 day: 0 or negative would spin or never wait, and a longer one is a typo. */
    private static void checkMillis(String what, Duration value) {
        if (value == null || value.toMillis() < 1 || value.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("the " + what + " must be 1 ms to 1 day, got " + value);
        }
    }
}

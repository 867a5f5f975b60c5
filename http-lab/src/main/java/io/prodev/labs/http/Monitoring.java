package io.prodev.labs.http;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What a running service tells its monitoring, as real services do: a {@code /health} endpoint that a load balancer
 * or an orchestrator polls, and a {@code /metrics} endpoint in the Prometheus text format that Prometheus scrapes,
 * built with the Prometheus Java client (prometheus-metrics-core). Wrap any handler to count and time what it
 * answers.
 */
public final class Monitoring {

    /** The content type of the Prometheus text format, version 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** The latency histogram's bucket bounds, in seconds (the Prometheus client's classic defaults). */
    public static final double[] LATENCY_BUCKETS = {.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10};

    /** The methods counted under their own name; any other is counted as {@code other}. */
    public static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    // BEGIN SOLUTION: remove
    private final LongSupplier nanoTime;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests;
    private final Histogram latency;
    private final Gauge inFlight;
    private volatile Supplier<List<BackendStatus>> backends;
    // END SOLUTION

    /** Monitoring that times requests with {@code System.nanoTime()}. */
    public Monitoring() {
        this(System::nanoTime);
    }

    /**
     * Monitoring with its own registry (never the client's global default one, so that two servers in one JVM keep
     * their own figures) and the three request metrics registered.
     *
     * @param nanoTime the clock that times requests, in nanoseconds ({@code System::nanoTime}; a test's own clock)
     */
    public Monitoring(LongSupplier nanoTime) {
        Objects.requireNonNull(nanoTime, "nanoTime");
        // BEGIN SOLUTION
        this.nanoTime = nanoTime;
        requests = Counter.builder()
                .name("http_requests_total")
                .help("Requests answered, by method, path and status")
                .labelNames("method", "path", "status")
                .register(registry);
        latency = Histogram.builder()
                .name("http_request_duration_seconds")
                .help("Time from a request's arrival at the handler to its response, by path")
                .labelNames("path")
                .classicOnly()
                .classicUpperBounds(LATENCY_BUCKETS)
                .register(registry);
        inFlight = Gauge.builder()
                .name("http_requests_in_flight")
                .help("Requests being handled right now")
                .register(registry);
        // END SOLUTION
    }

    /**
     * Exports the balancer's backends: {@code lb_backend_up{backend="<uri>"}} (1 when healthy, else 0) and
     * {@code lb_backend_in_flight{backend="<uri>"}}, read from {@code backends} at each scrape; {@code /health}
     * then says DOWN (503) when no backend is healthy. Returns this, for chaining.
     *
     * @throws IllegalStateException when backends are watched already
     */
    public Monitoring watchBackends(Supplier<List<BackendStatus>> backends) {
        Objects.requireNonNull(backends, "backends");
        // BEGIN SOLUTION
        synchronized (this) {
            if (this.backends != null) {
                throw new IllegalStateException("this monitoring watches backends already");
            }
            this.backends = backends;
        }
        GaugeWithCallback.builder()
                .name("lb_backend_up")
                .help("Whether the balancer's health checks find the backend up (1) or down (0)")
                .labelNames("backend")
                .callback(callback -> backends.get()
                        .forEach(b -> callback.call(b.healthy() ? 1 : 0, b.uri().toString())))
                .register(registry);
        GaugeWithCallback.builder()
                .name("lb_backend_in_flight")
                .help("Requests the balancer has sent to the backend and not yet answered")
                .labelNames("backend")
                .callback(callback -> backends.get()
                        .forEach(b -> callback.call(b.inFlight(), b.uri().toString())))
                .register(registry);
        return this;
        // END SOLUTION
    }

    /**
     * A handler that answers the two endpoints itself and passes every other request to {@code next}, counting and
     * timing all of them.
     *
     * <ul>
     *   <li>{@code GET /metrics} (or HEAD): 200, {@link #CONTENT_TYPE}, {@link #scrape()}.
     *   <li>{@code GET /health} (or HEAD): 200 {@code {"status":"UP"}} as {@code application/json}; when backends are
     *       watched and none is healthy, 503 {@code {"status":"DOWN"}}.
     *   <li>Every request, the endpoints' too, once its handler has returned: {@code http_requests_total{method,
     *       path, status}} goes up by one, where {@code path} is the request's path, or {@code (unmatched)} when the
     *       status is 404 (so that a scanner trying a million paths adds one series, not a million), and {@code
     *       method} is one of {@link #KNOWN_METHODS} or {@code other}; {@code http_request_duration_seconds{path}}
     *       observes the time from the call of the handler to its return, in seconds, on the nano clock.
     *   <li>{@code http_requests_in_flight} is up by one while a request is in the handler.
     *   <li>A handler that throws: counted with status 500 (an {@link HttpProtocolException}: with its status) and
     *       timed, the gauge back down, and the exception thrown on (the server answers with that status).
     * </ul>
     */
    public Handler wrap(Handler next) {
        Objects.requireNonNull(next, "next");
        // BEGIN SOLUTION
        return request -> {
            long started = nanoTime.getAsLong();
            inFlight.inc();
            int status = 500;
            try {
                HttpResponse response = answer(request, next);
                status = response.status();
                return response;
            } catch (HttpProtocolException e) { // the request broke a rule while the handler read it
                status = e.status();
                throw e;
            } finally {
                inFlight.dec();
                String path = status == 404 ? "(unmatched)" : request.path();
                String method = KNOWN_METHODS.contains(request.method()) ? request.method() : "other";
                requests.labelValues(method, path, String.valueOf(status)).inc();
                latency.labelValues(path).observe((nanoTime.getAsLong() - started) / 1e9);
            }
        };
        // END SOLUTION
    }

    /** The metrics now, in the Prometheus text format (version 0.0.4). */
    public String scrape() {
        // BEGIN SOLUTION
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(text, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return text.toString(StandardCharsets.UTF_8);
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private HttpResponse answer(HttpRequest request, Handler next) throws IOException {
        boolean read = request.method().equals("GET") || request.method().equals("HEAD");
        if (read && request.path().equals("/metrics")) {
            return new HttpResponse(200, new Headers().add("Content-Type", CONTENT_TYPE), ResponseBody.of(scrape()));
        }
        if (read && request.path().equals("/health")) {
            Supplier<List<BackendStatus>> watched = backends;
            boolean up = watched == null || watched.get().stream().anyMatch(BackendStatus::healthy);
            return new HttpResponse(
                    up ? 200 : 503,
                    new Headers().add("Content-Type", "application/json"),
                    ResponseBody.of(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}"));
        }
        return next.handle(request);
    }
    // END SOLUTION
}

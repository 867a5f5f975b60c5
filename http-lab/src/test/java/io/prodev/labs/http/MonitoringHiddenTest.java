package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Task("4")
@Hidden
class MonitoringHiddenTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40000);
    private static final List<String> METHODS =
            List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "BREW", "PROPFIND");
    private static final List<String> PATHS = List.of("/", "/a", "/b/c", "/missing", "/metrics", "/health", "/fail");
    private static final int[] STATUSES = {200, 201, 204, 301, 400, 404, 500};

    private static HttpRequest request(String method, String path) {
        return new HttpRequest(
                method, path, "HTTP/1.1", new Headers().add("Host", "x"), InputStream.nullInputStream(), CLIENT, false);
    }

    @Hint("count every request once, after its handler returns: method (or other), path (or (unmatched) for 404), "
            + "status; time each on the given nano clock")
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void randomTrafficIsCountedAndTimedAsAModelSays(long seed) throws IOException {
        Random random = new Random(seed);
        AtomicLong nanos = new AtomicLong();
        Map<String, Integer> statusOf = new HashMap<>();
        Monitoring monitoring = new Monitoring(nanos::get);
        Map<String, Long> delayOf = new HashMap<>();
        Handler handler = monitoring.wrap(request -> {
            nanos.addAndGet(delayOf.get(request.path()));
            if (request.path().equals("/fail")) {
                throw new IOException("fails");
            }
            return HttpResponse.empty(statusOf.get(request.path()));
        });
        Map<String, Double> counts = new TreeMap<>();
        Map<String, Double> sums = new TreeMap<>();
        Map<String, Double> observations = new TreeMap<>();
        for (int i = 0; i < 400; i++) {
            String method = METHODS.get(random.nextInt(METHODS.size()));
            String path = PATHS.get(random.nextInt(PATHS.size()));
            int status = STATUSES[random.nextInt(STATUSES.length)];
            long delay = random.nextInt(200_000_000);
            statusOf.put(path, status);
            delayOf.put(path, delay);
            boolean endpoint = (method.equals("GET") || method.equals("HEAD"))
                    && (path.equals("/metrics") || path.equals("/health"));
            try {
                handler.handle(request(method, path));
            } catch (IOException expected) {
                // /fail
            }
            int answered = endpoint ? 200 : path.equals("/fail") ? 500 : status;
            double seconds = endpoint ? 0 : delay / 1e9;
            String label = answered == 404 ? "(unmatched)" : path;
            String methodLabel = METHODS.indexOf(method) < 7 ? method : "other";
            counts.merge(
                    PrometheusText.key(
                            "http_requests_total",
                            "method",
                            methodLabel,
                            "path",
                            label,
                            "status",
                            String.valueOf(answered)),
                    1.0,
                    Double::sum);
            sums.merge(PrometheusText.key("http_request_duration_seconds_sum", "path", label), seconds, Double::sum);
            observations.merge(
                    PrometheusText.key("http_request_duration_seconds_count", "path", label), 1.0, Double::sum);
        }
        PrometheusText metrics = PrometheusText.parse(monitoring.scrape());

        Map<String, Double> countsSeen = new TreeMap<>();
        metrics.samples.forEach((key, value) -> {
            if (key.startsWith("http_requests_total{")) {
                countsSeen.put(key, value);
            }
        });
        assertThat(countsSeen)
                .as("every http_requests_total series after 400 random requests (seed %d)", seed)
                .isEqualTo(counts);
        observations.forEach(
                (key, value) -> assertThat(metrics.samples.get(key)).as(key).isEqualTo(value));
        sums.forEach((key, value) -> assertThat(metrics.samples.get(key))
                .as(key)
                .isCloseTo(value, org.assertj.core.data.Offset.offset(1e-6)));
        assertThat(metrics.value("http_requests_in_flight"))
                .as("requests in flight after all returned")
                .isEqualTo(0.0);
    }

    @Hint("the metrics are updated from many connection threads at once: none may be lost")
    @Test
    void concurrentRequestsAreAllCounted() throws Exception {
        Monitoring monitoring = new Monitoring();
        Handler handler = monitoring.wrap(request -> HttpResponse.empty(200));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        handler.handle(request("GET", "/"));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
        PrometheusText metrics = PrometheusText.parse(monitoring.scrape());

        assertThat(metrics.value("http_requests_total", "method", "GET", "path", "/", "status", "200"))
                .as("http_requests_total after 8 threads x 500 requests")
                .isEqualTo(4000.0);
        assertThat(metrics.value("http_request_duration_seconds_count", "path", "/"))
                .as("the histogram's count after 8 threads x 500 requests")
                .isEqualTo(4000.0);
    }
}

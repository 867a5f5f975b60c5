package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.prodev.labs.labkit.Task;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@Task("4")
class MonitoringTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40000);

    /** A nano clock a test moves by hand. */
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private final Monitoring monitoring = new Monitoring(nanos::get);
    private final OkHttpClient client = TestClients.okHttp();
    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        TestClients.close(client);
    }

    private static HttpRequest request(String method, String target) {
        return new HttpRequest(
                method,
                target,
                "HTTP/1.1",
                new Headers().add("Host", "x"),
                InputStream.nullInputStream(),
                CLIENT,
                false);
    }

    /** Answers 200 at /, 201 at /created, 404 elsewhere, after {@code millis} on the test's clock. */
    private Handler site(long millis) {
        return request -> {
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
            return switch (request.path()) {
                case "/" -> HttpResponse.text(200, "home");
                case "/created" -> HttpResponse.empty(201);
                default -> HttpResponse.text(404, "missing");
            };
        };
    }

    private PrometheusText scrape() {
        return PrometheusText.parse(monitoring.scrape());
    }

    @Test
    void countsRequestsByMethodPathAndStatus() throws IOException {
        Handler handler = monitoring.wrap(site(1));

        handler.handle(request("GET", "/"));
        handler.handle(request("GET", "/?q=1"));
        handler.handle(request("GET", "/"));
        handler.handle(request("POST", "/created"));

        PrometheusText metrics = scrape();
        assertThat(metrics.value("http_requests_total", "method", "GET", "path", "/", "status", "200"))
                .as("http_requests_total for 3 GET / answered 200 (the query is not part of the path)")
                .isEqualTo(3.0);
        assertThat(metrics.value("http_requests_total", "method", "POST", "path", "/created", "status", "201"))
                .as("http_requests_total for 1 POST /created answered 201")
                .isEqualTo(1.0);
        assertThat(metrics.types).as("the TYPE of http_requests_total").containsEntry("http_requests_total", "counter");
    }

    @Test
    void everyNotFoundPathIsOneSeries() throws IOException {
        Handler handler = monitoring.wrap(site(1));

        for (String path : List.of("/a", "/b", "/wp-login.php", "/.env")) {
            handler.handle(request("GET", path));
        }

        PrometheusText metrics = scrape();
        assertThat(metrics.value("http_requests_total", "method", "GET", "path", "(unmatched)", "status", "404"))
                .as("http_requests_total for 4 paths answered 404")
                .isEqualTo(4.0);
        assertThat(metrics.samples.keySet())
                .as("series naming a path answered 404")
                .noneMatch(key -> key.contains("/wp-login.php") || key.contains("/.env"));
    }

    @Test
    void anUnknownMethodIsCountedAsOther() throws IOException {
        monitoring.wrap(site(1)).handle(request("BREW", "/"));

        assertThat(scrape().value("http_requests_total", "method", "other", "path", "/", "status", "200"))
                .as("http_requests_total for BREW /")
                .isEqualTo(1.0);
    }

    @Test
    void timesRequestsInAHistogram() throws IOException {
        Handler handler = monitoring.wrap(site(30));

        handler.handle(request("GET", "/"));
        handler.handle(request("GET", "/"));

        PrometheusText metrics = scrape();
        assertThat(metrics.types)
                .as("the TYPE of http_request_duration_seconds")
                .containsEntry("http_request_duration_seconds", "histogram");
        assertThat(metrics.value("http_request_duration_seconds_count", "path", "/"))
                .as("the histogram's count after 2 requests to /")
                .isEqualTo(2.0);
        assertThat(metrics.value("http_request_duration_seconds_sum", "path", "/"))
                .as("the histogram's sum after 2 requests of 30 ms on the test clock, in seconds")
                .isCloseTo(0.06, within(1e-9));
        assertThat(metrics.value("http_request_duration_seconds_bucket", "path", "/", "le", "0.025"))
                .as("requests of 30 ms in the bucket le=0.025")
                .isEqualTo(0.0);
        assertThat(metrics.value("http_request_duration_seconds_bucket", "path", "/", "le", "0.05"))
                .as("requests of 30 ms in the bucket le=0.05")
                .isEqualTo(2.0);
        assertThat(metrics.value("http_request_duration_seconds_bucket", "path", "/", "le", "+Inf"))
                .as("requests of 30 ms in the bucket le=+Inf")
                .isEqualTo(2.0);
    }

    @Test
    void theHistogramHasTheDocumentedBuckets() throws IOException {
        monitoring.wrap(site(1)).handle(request("GET", "/"));

        PrometheusText metrics = scrape();
        for (double bound : Monitoring.LATENCY_BUCKETS) {
            assertThat(metrics.samples.keySet())
                    .as("a bucket with le=%s", bound)
                    .anyMatch(key -> key.startsWith("http_request_duration_seconds_bucket{")
                            && key.contains("le=\"" + bound + "\""));
        }
    }

    @Test
    void showsRequestsInFlight() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Handler handler = monitoring.wrap(request -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HttpResponse.text(200, "done");
        });

        CompletableFuture<HttpResponse> pending = CompletableFuture.supplyAsync(() -> {
            try {
                return handler.handle(request("GET", "/slow"));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        assertThat(entered.await(5, TimeUnit.SECONDS)).as("the handler started").isTrue();
        double during = scrape().value("http_requests_in_flight");
        release.countDown();
        pending.get(5, TimeUnit.SECONDS);

        assertThat(during)
                .as("http_requests_in_flight while one request is in the handler")
                .isEqualTo(1.0);
        assertThat(scrape().value("http_requests_in_flight"))
                .as("http_requests_in_flight after it returned")
                .isEqualTo(0.0);
        assertThat(scrape().types)
                .as("the TYPE of http_requests_in_flight")
                .containsEntry("http_requests_in_flight", "gauge");
    }

    @Test
    void aFailingHandlerIsCountedAs500AndItsExceptionPassedOn() {
        Handler handler = monitoring.wrap(request -> {
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(7));
            throw new IllegalStateException("boom");
        });

        assertThatThrownBy(() -> handler.handle(request("GET", "/fail")))
                .as("calling the wrapped handler that throws")
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("boom");

        PrometheusText metrics = scrape();
        assertThat(metrics.value("http_requests_total", "method", "GET", "path", "/fail", "status", "500"))
                .as("http_requests_total for GET /fail, whose handler threw")
                .isEqualTo(1.0);
        assertThat(metrics.value("http_request_duration_seconds_sum", "path", "/fail"))
                .as("the time of the failed request, in seconds")
                .isCloseTo(0.007, within(1e-9));
        assertThat(metrics.value("http_requests_in_flight"))
                .as("http_requests_in_flight after the failure")
                .isEqualTo(0.0);
    }

    @Test
    void aProtocolErrorIsCountedWithItsStatus() {
        Handler handler = monitoring.wrap(request -> {
            throw new HttpProtocolException(413, "too big");
        });

        assertThatThrownBy(() -> handler.handle(request("POST", "/upload")))
                .as("calling the wrapped handler that throws HttpProtocolException(413)")
                .isInstanceOf(HttpProtocolException.class);

        assertThat(scrape().value("http_requests_total", "method", "POST", "path", "/upload", "status", "413"))
                .as("http_requests_total for POST /upload that failed with a 413")
                .isEqualTo(1.0);
    }

    @Test
    void metricsAndHealthAreServedOverHttp() throws IOException {
        server = WebServer.start(ServerSettings.onPort(0), monitoring.wrap(site(1)));
        get("/").close();
        get("/").close();

        try (Response response = get("/metrics")) {
            assertThat(response.code()).as("status of GET /metrics").isEqualTo(200);
            assertThat(response.header("Content-Type"))
                    .as("Content-Type of GET /metrics")
                    .isEqualTo(Monitoring.CONTENT_TYPE);
            PrometheusText metrics = PrometheusText.parse(response.body().string());
            assertThat(metrics.value("http_requests_total", "method", "GET", "path", "/", "status", "200"))
                    .as("http_requests_total in the scrape after 2 GET /")
                    .isEqualTo(2.0);
        }
        try (Response response = get("/health")) {
            assertThat(response.code()).as("status of GET /health").isEqualTo(200);
            assertThat(response.header("Content-Type"))
                    .as("Content-Type of GET /health")
                    .isEqualTo("application/json");
            assertThat(response.body().string()).as("body of GET /health").isEqualTo("{\"status\":\"UP\"}");
        }
        PrometheusText after = scrape();
        assertThat(after.value("http_requests_total", "method", "GET", "path", "/metrics", "status", "200"))
                .as("the scrape itself, counted once it was answered")
                .isEqualTo(1.0);
        assertThat(after.value("http_requests_total", "method", "GET", "path", "/health", "status", "200"))
                .as("the health check, counted")
                .isEqualTo(1.0);
    }

    @Test
    void onlyGetAndHeadReachTheEndpoints() throws IOException {
        AtomicReference<String> seen = new AtomicReference<>();
        Handler handler = monitoring.wrap(request -> {
            seen.set(request.method() + " " + request.path());
            return HttpResponse.text(405, "no");
        });

        handler.handle(request("POST", "/metrics"));

        assertThat(seen).as("what the wrapped handler saw of POST /metrics").hasValue("POST /metrics");
    }

    @Test
    void backendsAreExportedAndDecideHealth() throws IOException {
        URI one = URI.create("http://127.0.0.1:8081");
        URI two = URI.create("http://127.0.0.1:8082");
        AtomicReference<List<BackendStatus>> backends =
                new AtomicReference<>(List.of(new BackendStatus(one, true, 3), new BackendStatus(two, false, 0)));
        Handler handler = monitoring.watchBackends(backends::get).wrap(site(1));

        PrometheusText metrics = scrape();
        assertThat(metrics.value("lb_backend_up", "backend", one.toString()))
                .as("lb_backend_up of a healthy backend")
                .isEqualTo(1.0);
        assertThat(metrics.value("lb_backend_up", "backend", two.toString()))
                .as("lb_backend_up of an unhealthy backend")
                .isEqualTo(0.0);
        assertThat(metrics.value("lb_backend_in_flight", "backend", one.toString()))
                .as("lb_backend_in_flight of a backend answering 3 requests")
                .isEqualTo(3.0);
        assertThat(handler.handle(request("GET", "/health")).status())
                .as("/health with one backend up")
                .isEqualTo(200);

        backends.set(List.of(new BackendStatus(one, false, 0), new BackendStatus(two, false, 0)));

        HttpResponse down = handler.handle(request("GET", "/health"));
        assertThat(down.status()).as("/health with every backend down").isEqualTo(503);
        assertThat(new String(body(down), StandardCharsets.UTF_8))
                .as("body of /health with every backend down")
                .isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(scrape().value("lb_backend_up", "backend", one.toString()))
                .as("lb_backend_up of the first backend once it went down (read at each scrape)")
                .isEqualTo(0.0);
    }

    @Test
    void eachMonitoringKeepsItsOwnFigures() throws IOException {
        Monitoring other = new Monitoring(nanos::get);
        monitoring.wrap(site(1)).handle(request("GET", "/"));

        assertThat(PrometheusText.parse(other.scrape())
                        .value("http_requests_total", "method", "GET", "path", "/", "status", "200"))
                .as("http_requests_total of a second Monitoring after a request through the first")
                .isNull();
    }

    @Test
    void backendsAreWatchedOnce() {
        monitoring.watchBackends(List::of);

        assertThatThrownBy(() -> monitoring.watchBackends(List::of))
                .as("a second watchBackends call")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailingBackendSupplierFailsTheScrapeNotTheServer() throws IOException {
        monitoring.watchBackends(() -> {
            throw new IllegalStateException("balancer gone");
        });
        server = WebServer.start(ServerSettings.onPort(0), monitoring.wrap(site(1)));

        try (Response response = get("/metrics")) {
            assertThat(response.code())
                    .as("status of GET /metrics when the backends cannot be read")
                    .isEqualTo(500);
        }
        try (Response response = get("/")) {
            assertThat(response.code())
                    .as("status of GET / after the failed scrape")
                    .isEqualTo(200);
        }
    }

    @Test
    void everyMetricHasOneHelpAndOneTypeLine() throws IOException {
        monitoring.watchBackends(() -> List.of(new BackendStatus(URI.create("http://127.0.0.1:1"), true, 0)));
        monitoring.wrap(site(1)).handle(request("GET", "/"));

        String text = monitoring.scrape();

        for (String name : List.of(
                "http_requests_total",
                "http_request_duration_seconds",
                "http_requests_in_flight",
                "lb_backend_up",
                "lb_backend_in_flight")) {
            String family = name.replace("_total", "");
            assertThat(text.lines()
                            .filter(line -> line.startsWith("# HELP " + family + " ")
                                    || line.startsWith("# HELP " + name + " ")))
                    .as("# HELP lines of %s", name)
                    .hasSize(1);
            assertThat(text.lines()
                            .filter(line -> line.startsWith("# TYPE " + family + " ")
                                    || line.startsWith("# TYPE " + name + " ")))
                    .as("# TYPE lines of %s", name)
                    .hasSize(1);
        }
    }

    private Response get(String path) throws IOException {
        return client.newCall(new Request.Builder()
                        .url(server.uri().resolve(path).toString())
                        .build())
                .execute();
    }

    private static byte[] body(HttpResponse response) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        response.body().writeTo(out);
        return out.toByteArray();
    }
}

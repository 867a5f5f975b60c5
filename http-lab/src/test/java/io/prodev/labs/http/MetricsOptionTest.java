package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.http.RawConnection.RawResponse;
import io.prodev.labs.labkit.Task;
import java.net.URI;
import org.junit.jupiter.api.Test;

@Task("4")
class MetricsOptionTest {

    @Test
    void webWithMetricsServesTheEndpoints() throws Exception {
        try (CommandRun web = CommandRun.start("web", "--port", "0", "--name", "web-01", "--metrics")) {
            URI uri = web.awaitListening();
            RawConnection.exchange(uri.getPort(), "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            RawResponse health = RawConnection.exchange(
                    uri.getPort(), "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            RawResponse metrics = RawConnection.exchange(
                    uri.getPort(), "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(health.body()).as("GET /health from `web --metrics`").isEqualTo("{\"status\":\"UP\"}");
            assertThat(PrometheusText.parse(metrics.body())
                            .value("http_requests_total", "method", "GET", "path", "/", "status", "200"))
                    .as("http_requests_total for the GET / sent to `web --metrics`")
                    .isEqualTo(1.0);
            assertThat(health.header("X-Served-By"))
                    .as("X-Served-By on /health (the endpoints are answered before the site)")
                    .isNull();
        }
    }

    @Test
    void lbWithMetricsExportsItsBackends() throws Exception {
        try (WebServer backend =
                        WebServer.start(ServerSettings.onPort(0), new HelloSite("web-01", java.util.Optional.empty()));
                CommandRun lb = CommandRun.start(
                        "lb",
                        "--port",
                        "0",
                        "--backend",
                        backend.uri().toString(),
                        "--health-path",
                        "/",
                        "--metrics")) {
            URI uri = lb.awaitListening();
            RawResponse hello =
                    RawConnection.exchange(uri.getPort(), "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            RawResponse metrics = RawConnection.exchange(
                    uri.getPort(), "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(hello.header("X-Served-By"))
                    .as("GET / through `lb --metrics`")
                    .isEqualTo("web-01");
            PrometheusText scraped = PrometheusText.parse(metrics.body());
            assertThat(scraped.value("lb_backend_up", "backend", "http://127.0.0.1:" + backend.port()))
                    .as("lb_backend_up of the one backend, from `lb --metrics`")
                    .isEqualTo(1.0);
            assertThat(scraped.value("http_requests_total", "method", "GET", "path", "/", "status", "200"))
                    .as("http_requests_total for the GET / through `lb --metrics`")
                    .isEqualTo(1.0);
        }
    }
}

package io.prodev.labs.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

/**
 * The lab's demo: {@code ./mvnw -q -pl http-lab compile exec:java}. Starts two web servers on free loopback ports
 * and asks them what curl would, printing each answer's status line and the headers that matter; then puts a load
 * balancer in front of them and stops one.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("http-lab-demo");
        Files.writeString(folder.resolve("hello.txt"), "a static file\n");
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        try (WebServer web01 = WebServer.start(
                        ServerSettings.onPort(0),
                        new HelloSite("web-01", Optional.of(new StaticFiles("/static/", folder))));
                WebServer web02 =
                        WebServer.start(ServerSettings.onPort(0), new HelloSite("web-02", Optional.empty()))) {
            System.out.println("== task 0: two web servers");
            show(client, "GET", web01.uri().resolve("/"));
            show(client, "GET", web02.uri().resolve("/"));
            show(client, "GET", web01.uri().resolve("/redirect_me"));
            show(client, "GET", web01.uri().resolve("/nowhere"));
            show(client, "GET", web01.uri().resolve("/static/hello.txt"));
            show(client, "GET", web01.uri().resolve("/static/..%2f..%2fetc/passwd"));

            System.out.println("== task 1: a load balancer in front of them (round-robin, health checks on /)");
            try (LoadBalancer balancer = LoadBalancer.start(
                            List.of(web01.uri(), web02.uri()),
                            BalancerSettings.defaults().withHealthPath("/"));
                    WebServer front = WebServer.start(ServerSettings.onPort(0), balancer)) {
                for (int i = 0; i < 4; i++) {
                    show(client, "GET", front.uri().resolve("/"));
                }
                web02.close();
                System.out.println("web-02 stopped: its turn goes to web-01, and it is marked down");
                show(client, "GET", front.uri().resolve("/"));
                show(client, "GET", front.uri().resolve("/"));
                for (BackendStatus backend : balancer.backends()) {
                    System.out.println("  " + backend.uri() + " healthy: " + backend.healthy());
                }
            }
        } finally {
            Files.deleteIfExists(folder.resolve("hello.txt"));
            Files.deleteIfExists(folder);
        }
        https();
        middleware(client);
        monitoring();
    }

    /** Task 4: the balancer with /metrics and /health, and a few lines of what Prometheus would scrape. */
    private static void monitoring() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (WebServer web01 = WebServer.start(ServerSettings.onPort(0), new HelloSite("web-01", Optional.empty()));
                WebServer web02 = WebServer.start(ServerSettings.onPort(0), new HelloSite("web-02", Optional.empty()));
                LoadBalancer balancer = LoadBalancer.start(
                        List.of(web01.uri(), web02.uri()),
                        BalancerSettings.defaults().withHealthPath("/"));
                WebServer front = WebServer.start(
                        ServerSettings.onPort(0),
                        new Monitoring().watchBackends(balancer::backends).wrap(balancer))) {
            System.out.println("== task 4: the balancer's /health and /metrics");
            for (String path : List.of("/", "/", "/", "/nowhere")) {
                client.send(
                        java.net.http.HttpRequest.newBuilder(front.uri().resolve(path))
                                .build(),
                        BodyHandlers.discarding());
            }
            web02.close();
            balancer.checkHealthNow();
            show(client, "GET", front.uri().resolve("/health"));
            String metrics = client.send(
                            java.net.http.HttpRequest.newBuilder(front.uri().resolve("/metrics"))
                                    .build(),
                            BodyHandlers.ofString())
                    .body();
            metrics.lines()
                    .filter(line -> line.startsWith("http_requests_total") || line.startsWith("lb_backend_up"))
                    .sorted()
                    .forEach(line -> System.out.println("  " + line));
        }
    }

    /** Task 2: the site over TLS with a self-signed certificate, HSTS, and a plain-HTTP port that redirects to it. */
    private static void https() throws Exception {
        SSLContext context = Tls.selfSigned("localhost", "127.0.0.1");
        try (WebServer https = WebServer.start(
                        ServerSettings.onPort(0).withSocketFactory(Tls.serverSockets(context)),
                        new Hsts(new HelloSite("web-tls", Optional.empty())));
                WebServer http = WebServer.start(ServerSettings.onPort(0), new HttpsRedirect(https.port()))) {
            System.out.println("== task 2: HTTPS with a self-signed certificate");
            X509Certificate certificate = TrustStores.presentedBy("127.0.0.1", https.port());
            System.out.println(
                    "certificate: " + certificate.getSubjectX500Principal().getName() + ", names "
                            + certificate.getSubjectAlternativeNames() + ", valid until "
                            + certificate.getNotAfter().toInstant());
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .sslContext(TrustStores.trusting(certificate))
                    .build();
            var response = client.send(
                    java.net.http.HttpRequest.newBuilder(https.uri())
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    BodyHandlers.ofString());
            System.out.printf(
                    "GET %s -> %d over %s, Strict-Transport-Security: %s, body: %s%n",
                    https.uri(),
                    response.statusCode(),
                    response.sslSession().map(session -> session.getProtocol()).orElse("?"),
                    response.headers().firstValue("Strict-Transport-Security").orElse("-"),
                    response.body());
            show(client, "GET", http.uri().resolve("/redirect_me?from=http"));
        }
    }

    /**
     * Task 3: the documented chain (authentication, request log, time window, POST rate limit, role permission) in
     * front of the hello site, on a clock the demo moves, and the log lines the requests left.
     */
    private static void middleware(HttpClient client) throws Exception {
        System.out.println("== task 3: middleware");
        Path folder = Files.createTempDirectory("http-lab-middleware");
        Path log = folder.resolve("requests.log");
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T10:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("the demo's clock stays in UTC");
            }
        };
        Accounts accounts = new Accounts().add("alice", "wonderland", "admin").add("bob", "builder", "viewer");
        Handler app = Chain.of(
                        new Authentication(accounts),
                        new RequestLog(log, clock),
                        new TimeWindow(LocalTime.of(9, 0), LocalTime.of(18, 0), clock),
                        new PostRateLimit(clock, Set.of()),
                        new RolePermission(Set.of("admin")))
                .then(new HelloSite("web-01", Optional.empty()));
        try (WebServer server = WebServer.start(ServerSettings.onPort(0), app)) {
            String alice = basic("alice", "wonderland");
            showAs(client, "GET", server.uri().resolve("/"), alice, "alice");
            showAs(client, "GET", server.uri().resolve("/"), basic("bob", "builder"), "bob");
            showAs(client, "GET", server.uri().resolve("/"), null, "nobody");
            for (int i = 0; i < 6; i++) {
                showAs(client, "POST", server.uri().resolve("/"), alice, "alice");
            }
            now.set(Instant.parse("2026-12-03T19:00:00Z"));
            showAs(client, "GET", server.uri().resolve("/"), alice, "alice at 19:00");
            System.out.println("the log:");
            Files.readAllLines(log).forEach(line -> System.out.println("  " + line));
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(folder);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void showAs(HttpClient client, String method, URI uri, String authorization, String who)
            throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(uri)
                .method(method, BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(5));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        var response = client.send(request.build(), BodyHandlers.ofString());
        System.out.printf(
                "%s %s as %s -> %d%s, body: %s%n",
                method,
                uri.getRawPath(),
                who,
                response.statusCode(),
                response.headers()
                        .firstValue("Retry-After")
                        .map(s -> ", Retry-After: " + s)
                        .orElse(""),
                response.body().strip().replace("\n", " "));
    }

    private static void show(HttpClient client, String method, URI uri) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(uri)
                .method(method, BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(5))
                .build();
        var response = client.send(request, BodyHandlers.ofString());
        String body = response.body().strip().replace("\n", " ");
        System.out.printf(
                "%s %s -> %d, X-Served-By: %s%s, body: %s%n",
                method,
                uri.getRawPath(),
                response.statusCode(),
                response.headers().firstValue("X-Served-By").orElse("-"),
                response.headers()
                        .firstValue("Location")
                        .map(l -> ", Location: " + l)
                        .orElse(""),
                body.length() > 60 ? body.substring(0, 57) + "..." : body);
    }
}

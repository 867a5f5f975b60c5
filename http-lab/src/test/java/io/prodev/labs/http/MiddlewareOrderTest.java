package io.prodev.labs.http;

import static io.prodev.labs.http.MiddlewareRequests.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.time.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented order, through a real server: Authentication, RequestLog, TimeWindow, PostRateLimit, RolePermission,
 * then the site.
 */
@Task("3")
class MiddlewareOrderTest {

    @TempDir
    Path folder;

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-03T10:00:00Z"));
    private Path log;
    private WebServer server;
    private OkHttpClient client;

    @BeforeEach
    void start() throws IOException {
        log = folder.resolve("requests.log");
        Accounts accounts = new Accounts().add("alice", "wonderland", "admin").add("bob", "builder", "viewer");
        Handler app = Chain.of(
                        new Authentication(accounts),
                        new RequestLog(log, clock),
                        new TimeWindow(LocalTime.of(9, 0), LocalTime.of(18, 0), clock),
                        new PostRateLimit(clock, Set.of()),
                        new RolePermission(Set.of("admin")))
                .then(request -> HttpResponse.text(200, "hello " + Authentication.user(request)));
        server = WebServer.start(ServerSettings.onPort(0), app);
        client = MiddlewareRequests.client();
    }

    @AfterEach
    void stop() {
        MiddlewareRequests.close(client);
        server.close();
    }

    private String call(String method, String path, String user, String password) throws IOException {
        Request.Builder request = new Request.Builder()
                .url(server.uri().resolve(path).toString())
                .method(method, method.equals("POST") ? RequestBody.create(new byte[0]) : null);
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        try (Response response = client.newCall(request.build()).execute()) {
            String body = response.body().string();
            return response.code() + (response.code() == 200 ? " " + body : "");
        }
    }

    private List<String> logLines() throws IOException {
        return Files.readAllLines(log);
    }

    @Test
    void anAllowedRequestReachesTheSiteAndIsLoggedWithItsUser() throws IOException {
        assertThat(call("GET", "/reports", "alice", "wonderland"))
                .as("alice (admin) GET /reports at 10:00")
                .isEqualTo("200 hello alice");
        assertThat(logLines())
                .as("the log: Authentication comes before RequestLog, so the line names alice")
                .containsExactly("2026-12-03 10:00:00 - User: alice - Path: /reports");
    }

    @Test
    void refusedRequestsAreLoggedToo() throws IOException {
        assertThat(call("GET", "/a", "bob", "builder"))
                .as("bob (viewer) at 10:00")
                .isEqualTo("403");
        assertThat(call("GET", "/b", null, null)).as("anonymous at 10:00").isEqualTo("403");
        clock.set(Instant.parse("2026-12-03T19:00:00Z"));
        assertThat(call("GET", "/c", "alice", "wonderland"))
                .as("alice at 19:00")
                .isEqualTo("403");

        assertThat(logLines())
                .as("the log: RequestLog comes before every middleware that refuses")
                .containsExactly(
                        "2026-12-03 10:00:00 - User: bob - Path: /a",
                        "2026-12-03 10:00:00 - User: Anonymous - Path: /b",
                        "2026-12-03 19:00:00 - User: alice - Path: /c");
    }

    @Test
    void aPostOutsideTheWindowUsesNoPostSlot() throws IOException {
        clock.set(Instant.parse("2026-12-03T08:59:00Z"));
        for (int i = 0; i < 5; i++) {
            assertThat(call("POST", "/form", "alice", "wonderland"))
                    .as("alice's POST %d at 08:59, before the window opens", i + 1)
                    .isEqualTo("403");
        }
        clock.set(Instant.parse("2026-12-03T09:00:00Z"));

        assertThat(call("POST", "/form", "alice", "wonderland"))
                .as("alice's POST at 09:00, one minute later: TimeWindow comes before PostRateLimit")
                .isEqualTo("200 hello alice");
    }

    @Test
    void aForbiddenPostStillUsesASlotOfItsAddress() throws IOException {
        for (int i = 0; i < 5; i++) {
            assertThat(call("POST", "/form", "bob", "builder"))
                    .as("bob's (viewer) POST %d from 127.0.0.1", i + 1)
                    .isEqualTo("403");
        }

        assertThat(call("POST", "/form", "alice", "wonderland"))
                .as("alice's POST from the same address: PostRateLimit comes before RolePermission, and counts"
                        + " per address, not per user")
                .isEqualTo("429");
        assertThat(call("GET", "/form", "alice", "wonderland"))
                .as("alice's GET from that address")
                .isEqualTo("200 hello alice");
        assertThat(logLines()).as("log lines after 7 requests, the 429 too").hasSize(7);
    }
}

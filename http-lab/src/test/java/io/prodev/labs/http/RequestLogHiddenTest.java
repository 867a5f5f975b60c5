package io.prodev.labs.http;

import static io.prodev.labs.http.MiddlewareRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.concurrency.AllAtOnce;
import io.prodev.labs.labkit.time.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("3")
@Hidden
class RequestLogHiddenTest {

    private static final String LINE = "2026-12-03 10:00:00 - User: Anonymous - Path: /t\\d+/r\\d+";

    @TempDir
    Path folder;

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-03T10:00:00Z"));

    @Hint("lines written by many threads at once must each be whole and on a line of their own, none lost")
    @Test
    void concurrentRequestsLeaveWholeLines() throws Exception {
        Path file = folder.resolve("requests.log");
        Handler handler = new RequestLog(file, clock).wrap(r -> HttpResponse.empty(204));

        AllAtOnce.run(8, thread -> {
            for (int i = 0; i < 60; i++) {
                try {
                    handler.handle(request("GET", "/t" + thread + "/r" + i, "127.0.0.1"));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        });

        assertLines(file, 8, 60);
    }

    @Hint("a server's many connection threads share one log: every request gets one whole line, and closing the"
            + " server leaves no thread behind")
    @Test
    void concurrentClientsThroughAServerLeaveWholeLinesAndNoThread() throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        Path file = folder.resolve("requests.log");
        Handler app = Chain.of(new Authentication(new Accounts()), new RequestLog(file, clock))
                .then(r -> HttpResponse.text(200, "ok"));
        OkHttpClient client = MiddlewareRequests.client();
        try (WebServer server = WebServer.start(ServerSettings.onPort(0), app)) {
            AllAtOnce.run(4, thread -> {
                for (int i = 0; i < 20; i++) {
                    Request request = new Request.Builder()
                            .url(server.uri().resolve("/t" + thread + "/r" + i).toString())
                            .build();
                    try (Response response = client.newCall(request).execute()) {
                        assertThat(response.code())
                                .as("status of GET /t%d/r%d", thread, i)
                                .isEqualTo(200);
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                }
            });
        } finally {
            MiddlewareRequests.close(client);
        }

        assertLines(file, 4, 20);
        Awaitility.await("threads the server or the middleware started, ended after close")
                .atMost(Duration.ofSeconds(5))
                .pollInSameThread()
                .untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet().stream()
                                .filter(t -> !before.contains(t) && t.isAlive())
                                .filter(t -> !t.getName().startsWith("OkHttp"))
                                .map(Thread::getName))
                        .as("threads alive after the server closed that were not alive before")
                        .isEmpty());
    }

    private static void assertLines(Path file, int threads, int perThread) throws Exception {
        List<String> lines = Files.readAllLines(file);
        assertThat(lines)
                .as("log lines after %d threads made %d requests each", threads, perThread)
                .hasSize(threads * perThread)
                .allSatisfy(line -> assertThat(line).as("a log line").matches(LINE));
        Set<String> paths = new HashSet<>();
        for (String line : lines) {
            paths.add(line.substring(line.indexOf("Path: ") + 6));
        }
        assertThat(paths).as("distinct paths in the log: every request once").hasSize(threads * perThread);
        assertThat(Files.readString(file)).as("the log ends with a line feed").endsWith("\n");
    }
}

package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.prodev.labs.labkit.Task;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lb command of the lab's command line, on top of task 1. */
@Task("1")
class LbCommandTest {

    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)\n");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<TestBackend> backends = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        backends.add(TestBackend.start("a"));
        backends.add(TestBackend.start("b"));
    }

    @AfterEach
    void tearDown() {
        backends.forEach(TestBackend::close);
    }

    private int run(String... args) {
        return HttpLab.run(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void balancesUntilInterruptedThenStops() throws Exception {
        AtomicInteger status = new AtomicInteger(-1);
        Thread command = new Thread(
                () -> status.set(run(
                        "lb",
                        "--port",
                        "0",
                        "--backend",
                        backends.get(0).uri().toString(),
                        "--backend",
                        backends.get(1).uri() + "/",
                        "--health-interval-ms",
                        "60000")),
                "lb-command");
        command.start();
        assertTimeoutPreemptively(BOUND, () -> {
            await().atMost(BOUND).until(() -> LISTENING.matcher(out.toString()).find() || !command.isAlive());
            Matcher listening = LISTENING.matcher(out.toString());
            assertThat(listening.find())
                    .as("lb --port 0 --backend A --backend B printed, on standard error:\n" + err
                            + "\nand on standard output (expected \"listening on <url>\"):\n" + out)
                    .isTrue();
            URI url = URI.create(listening.group(1));
            HttpClient client = HttpClient.newHttpClient();
            List<String> servedBy = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                var response = client.send(
                        java.net.http.HttpRequest.newBuilder(url.resolve("/")).build(), BodyHandlers.ofString());
                servedBy.add(response.headers().firstValue("X-Served-By").orElse("-"));
            }
            assertThat(servedBy)
                    .as("X-Served-By of 4 GETs through the lb command")
                    .containsExactly("a", "b", "a", "b");
            command.interrupt();
            command.join();
            assertThat(status.get()).as("exit status after a clean stop").isZero();
            assertThat(out.toString()).as("standard output").endsWith("stopped\n");
        });
    }

    @Test
    void stopsAfterForSeconds() {
        assertTimeoutPreemptively(BOUND, () -> {
            int status =
                    run("lb", "--port", "0", "--backend", backends.get(0).uri().toString(), "--for", "0.2");
            assertThat(status)
                    .as("lb ... --for 0.2: exit status; standard error:\n" + err)
                    .isZero();
            assertThat(out.toString()).as("standard output").matches("listening on http://\\S+\nstopped\n");
        });
    }

    @Test
    void rejectsABackendThatIsNotHttpHostPort() {
        int status = run("lb", "--port", "0", "--backend", "https://127.0.0.1:8443", "--for", "0.2");
        assertThat(status)
                .as("lb --backend https://127.0.0.1:8443: exit status")
                .isEqualTo(1);
        assertThat(err.toString())
                .as("lb --backend https://127.0.0.1:8443: standard error names the bad value")
                .contains("https://127.0.0.1:8443");
        assertThat(out.toString()).as("nothing listened").doesNotContain("listening on");
    }

    @Test
    void rejectsABadHealthInterval() {
        int status =
                run("lb", "--port", "0", "--backend", backends.get(0).uri().toString(), "--health-interval-ms", "0");
        assertThat(status).as("lb --health-interval-ms 0: exit status").isEqualTo(1);
        assertThat(err.toString())
                .as("lb --health-interval-ms 0: standard error names the option and the value")
                .contains("health")
                .contains("0");
    }

    @Test
    void needsABackend() {
        int status = run("lb", "--port", "0");
        assertThat(status).as("lb without --backend: a usage error").isEqualTo(2);
        assertThat(err.toString()).as("standard error").contains("--backend");
    }
}

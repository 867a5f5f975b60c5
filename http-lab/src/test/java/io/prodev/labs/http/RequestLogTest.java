package io.prodev.labs.http;

import static io.prodev.labs.http.MiddlewareRequests.THURSDAY_10_00;
import static io.prodev.labs.http.MiddlewareRequests.basic;
import static io.prodev.labs.http.MiddlewareRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.time.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("3")
class RequestLogTest {

    @TempDir
    Path folder;

    private final MutableClock clock = MutableClock.at(THURSDAY_10_00);
    private final Accounts accounts = new Accounts().add("alice", "wonderland", "admin");

    private Handler logged(Path file, Handler handler) {
        return Chain.of(new Authentication(accounts), new RequestLog(file, clock))
                .then(handler);
    }

    @Test
    void writesOneLinePerRequestWithTimeUserAndPath() throws Exception {
        Path file = folder.resolve("requests.log");
        Handler handler = logged(file, MiddlewareRequests::whoAmI);

        handler.handle(request(
                "GET", "/reports?month=11&token=secret", "127.0.0.1", "Authorization", basic("alice", "wonderland")));
        clock.advance(Duration.ofSeconds(75));
        handler.handle(request("POST", "/", "127.0.0.1"));

        assertThat(Files.readString(file))
                .as("the log after alice's GET /reports?month=11&token=secret at 10:00:00 and an anonymous POST / at"
                        + " 10:01:15 (the query is not logged)")
                .isEqualTo("2026-12-03 10:00:00 - User: alice - Path: /reports\n"
                        + "2026-12-03 10:01:15 - User: Anonymous - Path: /\n");
    }

    @Test
    void theTimeIsTheClocksInItsZone() throws Exception {
        Path file = folder.resolve("requests.log");
        Handler handler = new RequestLog(file, clock.withZone(ZoneId.of("Africa/Addis_Ababa")))
                .wrap(request -> HttpResponse.empty(204));

        handler.handle(request("GET", "/x", "127.0.0.1"));

        assertThat(Files.readString(file))
                .as("a request at 10:00 UTC logged with a clock in Addis Ababa (UTC+3)")
                .isEqualTo("2026-12-03 13:00:00 - User: Anonymous - Path: /x\n");
    }

    @Test
    void appendsToAFileThatExists() throws Exception {
        Path file = folder.resolve("requests.log");
        Files.writeString(file, "earlier line\n");

        logged(file, request -> HttpResponse.empty(204)).handle(request("GET", "/a", "127.0.0.1"));

        assertThat(Files.readString(file))
                .as("a log file that already held one line, after one request")
                .isEqualTo("earlier line\n2026-12-03 10:00:00 - User: Anonymous - Path: /a\n");
    }

    @Test
    void createsAMissingFileAtOnce() {
        Path file = folder.resolve("new.log");

        new RequestLog(file, clock);

        assertThat(file)
                .as("the log file right after new RequestLog(file, clock)")
                .exists()
                .isEmptyFile();
    }

    @Test
    void logsARequestWhoseHandlerFails() throws Exception {
        Path file = folder.resolve("requests.log");
        Handler handler = logged(file, request -> {
            throw new IOException("the handler failed");
        });

        assertThatThrownBy(() -> handler.handle(request("GET", "/broken", "127.0.0.1")))
                .as("the handler's exception, passed on")
                .isInstanceOf(IOException.class);
        assertThat(Files.readString(file))
                .as("the log after a request whose handler threw: written before the handler ran")
                .isEqualTo("2026-12-03 10:00:00 - User: Anonymous - Path: /broken\n");
    }

    @Test
    void controlCharactersAreEscapedSoARequestIsOneLine() throws Exception {
        Path file = folder.resolve("requests.log");
        new RequestLog(file, clock)
                .wrap(request -> HttpResponse.empty(204))
                .handle(request("GET", "/a\nfake line\t", "127.0.0.1"));

        assertThat(Files.readString(file))
                .as("the log line of a request whose path holds a line feed and a tab")
                .isEqualTo("2026-12-03 10:00:00 - User: Anonymous - Path: /a%0Afake line%09\n");
    }

    @Test
    void aFolderThatDoesNotExistIsRefusedByName() {
        Path missing = folder.resolve("no-such-folder");

        assertThatThrownBy(() -> new RequestLog(missing.resolve("requests.log"), clock))
                .as("new RequestLog(<missing folder>/requests.log, clock)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void aFolderIsNotALogFile() {
        assertThatThrownBy(() -> new RequestLog(folder, clock))
                .as("new RequestLog(<a folder>, clock)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(folder.toString());
    }
}

package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.http.RawConnection.RawResponse;
import io.prodev.labs.labkit.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Task("0")
class StaticFilesTest {

    private static final Instant MODIFIED = Instant.parse("2026-11-30T08:15:42.750Z");
    private static final String LAST_MODIFIED = "Mon, 30 Nov 2026 08:15:42 GMT";

    @TempDir
    Path outside;

    private Path root;
    private WebServer server;

    @BeforeEach
    void start() throws IOException {
        root = Files.createDirectories(outside.resolve("www"));
        Files.writeString(outside.resolve("secret.txt"), "SECRET");
        Files.writeString(root.resolve("hello.txt"), "hello, file");
        Files.setLastModifiedTime(root.resolve("hello.txt"), FileTime.from(MODIFIED));
        server = WebServer.start(ServerSettings.onPort(0), new StaticFiles("/static/", root));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawResponse get(String target) throws IOException {
        return get(target, "");
    }

    private RawResponse get(String target, String extraHeaders) throws IOException {
        return RawConnection.exchange(
                server.port(),
                "GET " + target + " HTTP/1.1\r\nHost: x\r\n" + extraHeaders + "Connection: close\r\n\r\n");
    }

    @Test
    void servesAFileWithItsTypeLengthAndModificationTime() throws IOException {
        RawResponse response = get("/static/hello.txt");

        assertThat(response.status()).as("status of GET /static/hello.txt").isEqualTo(200);
        assertThat(response.body()).as("body").isEqualTo("hello, file");
        assertThat(response.header("Content-Type")).as("Content-Type of a .txt").isEqualTo("text/plain; charset=utf-8");
        assertThat(response.header("Content-Length")).as("Content-Length").isEqualTo("11");
        assertThat(response.header("Last-Modified"))
                .as("Last-Modified of a file modified at %s (to the second)", MODIFIED)
                .isEqualTo(LAST_MODIFIED);
    }

    @ParameterizedTest
    @CsvSource({
        "page.html, text/html; charset=utf-8",
        "site.css, text/css; charset=utf-8",
        "app.js, text/javascript; charset=utf-8",
        "data.json, application/json; charset=utf-8",
        "logo.svg, image/svg+xml; charset=utf-8",
        "logo.png, image/png",
        "photo.JPG, image/jpeg",
        "photo.jpeg, image/jpeg",
        "anim.gif, image/gif",
        "favicon.ico, image/x-icon",
        "pic.webp, image/webp",
        "doc.pdf, application/pdf",
        "mod.wasm, application/wasm",
        "archive.tar.gz, application/octet-stream",
        "README, application/octet-stream"
    })
    void theContentTypeComesFromTheExtension(String name, String type) throws IOException {
        Files.writeString(root.resolve(name), "x");

        assertThat(get("/static/" + name).header("Content-Type"))
                .as("Content-Type of %s", name)
                .isEqualTo(type);
    }

    @Test
    void headGetsTheHeadersWithoutTheBody() throws IOException {
        try (RawConnection connection = new RawConnection(server.port())) {
            connection.send("HEAD /static/hello.txt HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /static/hello.txt HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse head = connection.readResponse(true);
            RawResponse get = connection.readResponse(false);

            assertThat(head.status()).as("status of HEAD").isEqualTo(200);
            assertThat(head.header("Content-Length"))
                    .as("Content-Length of HEAD")
                    .isEqualTo("11");
            assertThat(head.header("Last-Modified")).as("Last-Modified of HEAD").isEqualTo(LAST_MODIFIED);
            assertThat(get.body())
                    .as("the GET after the HEAD on the same connection")
                    .isEqualTo("hello, file");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {LAST_MODIFIED, "Tue, 01 Dec 2026 00:00:00 GMT"})
    void notModifiedSinceGets304(String since) throws IOException {
        RawResponse response = get("/static/hello.txt", "If-Modified-Since: " + since + "\r\n");

        assertThat(response.status())
                .as("status with If-Modified-Since: %s (file: %s)", since, LAST_MODIFIED)
                .isEqualTo(304);
        assertThat(response.body()).as("body of the 304").isEmpty();
        assertThat(response.header("Last-Modified"))
                .as("Last-Modified of the 304")
                .isEqualTo(LAST_MODIFIED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mon, 30 Nov 2026 08:15:41 GMT", "yesterday", "Mon, 30 Nov 2026"})
    void anEarlierOrUnreadableDateGetsTheFile(String since) throws IOException {
        RawResponse response = get("/static/hello.txt", "If-Modified-Since: " + since + "\r\n");

        assertThat(response.status())
                .as("status with If-Modified-Since: %s (file: %s)", since, LAST_MODIFIED)
                .isEqualTo(200);
        assertThat(response.body()).as("body").isEqualTo("hello, file");
    }

    @Test
    void aFolderAnswersWithItsIndexAndNeverAListing() throws IOException {
        Files.createDirectories(root.resolve("docs/empty"));
        Files.writeString(root.resolve("docs/index.html"), "<h1>docs</h1>");

        assertThat(get("/static/docs/").body())
                .as("GET /static/docs/ (holding index.html)")
                .isEqualTo("<h1>docs</h1>");
        assertThat(get("/static/docs").body()).as("GET /static/docs").isEqualTo("<h1>docs</h1>");
        assertThat(get("/static/docs/empty/").status())
                .as("status of a folder without index.html")
                .isEqualTo(404);
        assertThat(get("/static/").status())
                .as("status of GET /static/ (no index.html)")
                .isEqualTo(404);
    }

    @Test
    void percentEncodedNamesAreDecoded() throws IOException {
        Files.writeString(root.resolve("a b+é.txt"), "spaced");

        assertThat(get("/static/a%20b+%C3%A9.txt").body())
                .as("GET /static/a%20b+%C3%A9.txt")
                .isEqualTo("spaced");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/static/missing.txt", "/elsewhere/hello.txt", "/static/hello.txt/"})
    void whatIsNotThereGets404(String target) throws IOException {
        assertThat(get(target).status()).as("status of GET %s", target).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/static/../secret.txt",
                "/static/%2e%2e/secret.txt",
                "/static/%2E%2E%2Fsecret.txt",
                "/static/..%2fsecret.txt",
                "/static/%252e%252e/secret.txt",
                "/static/..\\secret.txt",
                "/static/%5c..%5csecret.txt",
                "/static/sub/../../secret.txt",
                "/static//etc/passwd",
                "/static/hello.txt%00.png",
                "/static/%zz"
            })
    void noPathLeavesTheFolder(String target) throws IOException {
        RawResponse response = get(target);

        assertThat(response.status()).as("status of GET %s", target).isEqualTo(400);
        assertThat(response.body()).as("body of GET %s", target).doesNotContain("SECRET");
    }

    @Test
    void aLinkOutOfTheFolderGets404() throws IOException {
        Files.createSymbolicLink(root.resolve("link.txt"), outside.resolve("secret.txt"));

        RawResponse response = get("/static/link.txt");

        assertThat(response.status())
                .as("status of a symbolic link to a file outside the folder")
                .isEqualTo(404);
        assertThat(response.body()).as("body").doesNotContain("SECRET");
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws IOException {
        RawResponse response = RawConnection.exchange(
                server.port(), "DELETE /static/hello.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).as("status of DELETE /static/hello.txt").isEqualTo(405);
        assertThat(response.header("Allow")).as("Allow of the 405").isEqualTo("GET, HEAD");
        assertThat(Files.exists(root.resolve("hello.txt")))
                .as("the file after DELETE")
                .isTrue();
    }

    @Test
    void aBadPrefixOrFolderIsRefused() {
        assertThatThrownBy(() -> new StaticFiles("static/", root))
                .as("new StaticFiles(\"static/\", ...)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("static/");
        assertThatThrownBy(() -> new StaticFiles("/static", root))
                .as("new StaticFiles(\"/static\", ...)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/static");
        Path missing = outside.resolve("missing");
        assertThatThrownBy(() -> new StaticFiles("/static/", missing))
                .as("new StaticFiles(\"/static/\", a folder that does not exist)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
        Path file = outside.resolve("secret.txt");
        assertThatThrownBy(() -> new StaticFiles("/static/", file))
                .as("new StaticFiles(\"/static/\", a file)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secret.txt");
    }
}

package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.http.RawConnection.RawResponse;
import io.prodev.labs.labkit.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Task("0")
class HelloSiteTest {

    @TempDir
    Path folder;

    private final OkHttpClient client = TestClients.okHttp();
    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        TestClients.close(client);
    }

    private void start(HelloSite site) throws IOException {
        server = WebServer.start(ServerSettings.onPort(0), site);
    }

    private Response call(String method, String path) throws IOException {
        RequestBody body = method.equals("POST") ? RequestBody.create("x", MediaType.get("text/plain")) : null;
        return client.newCall(new Request.Builder()
                        .url(server.uri().resolve(path).toString())
                        .method(method, body)
                        .build())
                .execute();
    }

    @Test
    void theRootSaysHelloWorld() throws IOException {
        start(new HelloSite("web-01", Optional.empty()));

        try (Response response = call("GET", "/")) {
            assertThat(response.code()).as("status of GET /").isEqualTo(200);
            assertThat(response.body().string())
                    .as("body of GET / (exactly, no line end)")
                    .isEqualTo("Hello World!");
            assertThat(response.header("Content-Type"))
                    .as("Content-Type of GET /")
                    .isEqualTo("text/plain; charset=utf-8");
        }
    }

    @Test
    void redirectMeIsAPermanentRedirect() throws IOException {
        start(new HelloSite("web-01", Optional.empty()));

        try (Response response = call("GET", "/redirect_me")) {
            assertThat(response.code()).as("status of GET /redirect_me").isEqualTo(301);
            assertThat(response.header("Location"))
                    .as("Location of GET /redirect_me")
                    .isEqualTo(HelloSite.REDIRECT_TARGET);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nowhere", "/redirect_me/", "/index.html", "/static/x.txt", "/Redirect_me"})
    void anyOtherPathGetsTheCustom404Page(String path) throws IOException {
        start(new HelloSite("web-01", Optional.empty()));

        try (Response response = call("GET", path)) {
            assertThat(response.code()).as("status of GET %s", path).isEqualTo(404);
            assertThat(response.body().string())
                    .as("the 404 page for GET %s", path)
                    .contains("Ceci n'est pas une page");
            assertThat(response.header("Content-Type"))
                    .as("Content-Type of the 404 page")
                    .isEqualTo("text/html; charset=utf-8");
        }
    }

    @Test
    void theQueryDoesNotChangeThePage() throws IOException {
        start(new HelloSite("web-01", Optional.empty()));

        try (Response response = call("GET", "/?utm=mail")) {
            assertThat(response.body().string()).as("body of GET /?utm=mail").isEqualTo("Hello World!");
        }
    }

    @Test
    void everyResponseNamesTheServer() throws IOException {
        start(new HelloSite("web-02", Optional.empty()));

        for (String[] call :
                new String[][] {{"GET", "/"}, {"GET", "/redirect_me"}, {"GET", "/missing"}, {"POST", "/"}, {"HEAD", "/"}
                }) {
            try (Response response = call(call[0], call[1])) {
                assertThat(response.header("X-Served-By"))
                        .as("X-Served-By of %s %s (status %d)", call[0], call[1], response.code())
                        .isEqualTo("web-02");
            }
        }
    }

    @Test
    void anotherMethodOnTheRootGets405() throws IOException {
        start(new HelloSite("web-01", Optional.empty()));

        try (Response response = call("POST", "/")) {
            assertThat(response.code()).as("status of POST /").isEqualTo(405);
            assertThat(response.header("Allow")).as("Allow of the 405").isEqualTo("GET, HEAD");
        }
        try (Response response = call("DELETE", "/redirect_me")) {
            assertThat(response.code()).as("status of DELETE /redirect_me").isEqualTo(405);
        }
    }

    @Test
    void headGetsTheHeadersOfGetAndNoBody() throws IOException {
        start(new HelloSite("web-01", Optional.empty()));

        try (RawConnection connection = new RawConnection(server.port())) {
            connection.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse head = connection.readResponse(true);
            RawResponse get = connection.readResponse(false);

            assertThat(head.status()).as("status of HEAD /").isEqualTo(200);
            assertThat(head.header("Content-Length"))
                    .as("Content-Length of HEAD /")
                    .isEqualTo("12");
            assertThat(get.body())
                    .as("the GET after the HEAD on the same connection (a HEAD body would end up here)")
                    .isEqualTo("Hello World!");
        }
    }

    @Test
    void staticPathsGoToTheStaticFiles() throws IOException {
        Files.writeString(folder.resolve("hello.txt"), "from a file");
        start(new HelloSite("web-01", Optional.of(new StaticFiles("/static/", folder))));

        try (Response response = call("GET", "/static/hello.txt")) {
            assertThat(response.code()).as("status of GET /static/hello.txt").isEqualTo(200);
            assertThat(response.body().string())
                    .as("body of GET /static/hello.txt")
                    .isEqualTo("from a file");
            assertThat(response.header("X-Served-By"))
                    .as("X-Served-By of a static file")
                    .isEqualTo("web-01");
        }
        try (Response response = call("GET", "/static/missing.txt")) {
            assertThat(response.code()).as("status of GET /static/missing.txt").isEqualTo(404);
            assertThat(response.header("X-Served-By"))
                    .as("X-Served-By of a missing static file")
                    .isEqualTo("web-01");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "web\r\nSet-Cookie: x=1", "tab\there"})
    void aServerNameThatCannotBeAHeaderValueIsRefused(String name) {
        assertThatThrownBy(() -> new HelloSite(name, Optional.empty()))
                .as("new HelloSite(\"%s\", ...)", name.replace("\r", "\\r").replace("\n", "\\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("server name");
    }
}

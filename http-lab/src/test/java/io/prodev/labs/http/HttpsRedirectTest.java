package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.Weight;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Task 2's plain-HTTP side: every request answered 301 to the same path and query on the HTTPS port. */
@Task("2")
class HttpsRedirectTest {

    @BeforeAll
    static void initialiseJdkCrypto() {
        TlsPeers.initialiseJdkCrypto();
    }

    private static final int HTTPS_PORT = 8443;

    private WebServer http;

    @BeforeEach
    void setUp() throws Exception {
        http = WebServer.start(ServerSettings.onPort(0), new HttpsRedirect(HTTPS_PORT));
    }

    @AfterEach
    void tearDown() {
        http.close();
    }

    private Response get(String target) throws Exception {
        return TlsPeers.plainClient()
                .newCall(new Request.Builder()
                        .url("http://127.0.0.1:" + http.port() + target)
                        .build())
                .execute();
    }

    @Weight(5)
    @Test
    void redirectsToTheSamePathAndQueryOnTheHttpsPort() throws Exception {
        try (Response response = get("/docs/a%20b.html?page=2&sort=name")) {
            assertThat(response.code())
                    .as("GET /docs/a%20b.html?page=2&sort=name over plain HTTP")
                    .isEqualTo(301);
            assertThat(response.header("Location"))
                    .as("its Location: the Host without its port, the HTTPS port, the target as sent")
                    .isEqualTo("https://127.0.0.1:8443/docs/a%20b.html?page=2&sort=name");
        }
    }

    @Test
    void everyMethodIsRedirected() throws Exception {
        try (Response response = TlsPeers.plainClient()
                .newCall(new Request.Builder()
                        .url("http://127.0.0.1:" + http.port() + "/form")
                        .post(RequestBody.create("a=1", MediaType.get("application/x-www-form-urlencoded")))
                        .build())
                .execute()) {
            assertThat(response.code()).as("POST /form over plain HTTP").isEqualTo(301);
            assertThat(response.header("Location")).as("its Location").isEqualTo("https://127.0.0.1:8443/form");
        }
    }

    @ParameterizedTest(name = "Host: {0} -> {1}")
    @CsvSource({
        "example.com, https://example.com:8443/x?y=1",
        "example.com:8080, https://example.com:8443/x?y=1",
        "[::1]:8080, https://[::1]:8443/x?y=1",
        "192.0.2.7, https://192.0.2.7:8443/x?y=1"
    })
    void usesTheHostHeaderWithoutItsPort(String host, String location) throws Exception {
        assertThat(rawRequest("GET /x?y=1 HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"))
                .as("the response to GET /x?y=1 with Host: " + host)
                .startsWith("HTTP/1.1 301 ")
                .contains("\r\nLocation: " + location + "\r\n");
    }

    @Test
    void thePort443IsLeftOut() throws Exception {
        WebServer standard = WebServer.start(ServerSettings.onPort(0), new HttpsRedirect(443));
        try (standard;
                Response response = TlsPeers.plainClient()
                        .newCall(new Request.Builder()
                                .url("http://127.0.0.1:" + standard.port() + "/a?b=c")
                                .header("Host", "example.com")
                                .build())
                        .execute()) {
            assertThat(response.header("Location"))
                    .as("Location from new HttpsRedirect(443) for GET /a?b=c, Host: example.com")
                    .isEqualTo("https://example.com/a?b=c");
        }
    }

    @Test
    void aRequestWithoutHostGets400() throws Exception {
        assertThat(rawRequest("GET /x HTTP/1.0\r\n\r\n"))
                .as("the response to an HTTP/1.0 GET /x without Host: nowhere to redirect to")
                .startsWith("HTTP/1.1 400 ");
    }

    @ParameterizedTest(name = "Host: \"{0}\"")
    @ValueSource(strings = {"evil.com/path", "user@evil.com", "a b"})
    void anUnusableHostGets400(String host) throws Exception {
        assertThat(rawRequest("GET /x HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"))
                .as("the response to GET /x with Host: " + host)
                .startsWith("HTTP/1.1 400 ");
    }

    @Test
    void aPortOutOfRangeIsRejected() {
        for (int port : new int[] {0, 65536, -1}) {
            assertThatThrownBy(() -> new HttpsRedirect(port))
                    .as("new HttpsRedirect(" + port + ")")
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(port));
        }
    }

    private String rawRequest(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", http.port())) {
            socket.setSoTimeout((int) TlsPeers.TIMEOUT.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}

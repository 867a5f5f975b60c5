package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.Weight;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Task 2's HSTS: on every response that went over TLS, never on a plain one. */
@Task("2")
class HstsTest {

    @BeforeAll
    static void initialiseJdkCrypto() {
        TlsPeers.initialiseJdkCrypto();
    }

    private static final String HSTS = "Strict-Transport-Security";

    private WebServer https;
    private WebServer http;

    @AfterEach
    void tearDown() {
        if (https != null) {
            https.close();
        }
        if (http != null) {
            http.close();
        }
    }

    private static HttpRequest request(boolean secure) {
        return new HttpRequest(
                "GET",
                "/",
                "HTTP/1.1",
                new Headers().add("Host", "localhost"),
                InputStream.nullInputStream(),
                null,
                secure);
    }

    @Weight(5)
    @Test
    void theSameSiteSendsHstsOverTlsAndNotOverPlainHttp() throws Exception {
        HeldCertificate held = TlsPeers.localhostCertificate();
        Handler site = new Hsts(new HelloSite("web-hsts", Optional.empty()));
        https = WebServer.start(
                ServerSettings.onPort(0)
                        .withSocketFactory(new HandshakeCertificates.Builder()
                                .heldCertificate(held)
                                .build()
                                .sslContext()
                                .getServerSocketFactory()),
                site);
        http = WebServer.start(ServerSettings.onPort(0), site);

        OkHttpClient client = TlsPeers.client(held.certificate());
        for (String path : new String[] {"/", "/nowhere"}) {
            try (Response response = client.newCall(new Request.Builder()
                            .url("https://localhost:" + https.port() + path)
                            .build())
                    .execute()) {
                assertThat(response.headers(HSTS))
                        .as("the " + HSTS + " fields of GET https://localhost:PORT" + path + " (status "
                                + response.code() + ")")
                        .containsExactly("max-age=31536000; includeSubDomains");
            }
            try (Response response = TlsPeers.plainClient()
                    .newCall(new Request.Builder()
                            .url("http://127.0.0.1:" + http.port() + path)
                            .build())
                    .execute()) {
                assertThat(response.header(HSTS))
                        .as(HSTS + " of GET http://127.0.0.1:PORT" + path + ", over plain HTTP")
                        .isNull();
                assertThat(response.header("X-Served-By"))
                        .as("the site's own header, kept")
                        .isEqualTo("web-hsts");
            }
        }
    }

    @Test
    void maxAgeIsConfigurableInSeconds() throws Exception {
        HttpResponse response =
                new Hsts(request -> HttpResponse.text(200, "ok"), Duration.ofMinutes(5)).handle(request(true));
        assertThat(response.headers().all(HSTS))
                .as(HSTS + " with a max-age of 5 minutes, on a secure request")
                .containsExactly("max-age=300; includeSubDomains");
        HttpResponse plain =
                new Hsts(request -> HttpResponse.text(200, "ok"), Duration.ofMinutes(5)).handle(request(false));
        assertThat(plain.headers().all(HSTS))
                .as(HSTS + " on a request that did not come over TLS")
                .isEmpty();
    }

    @Test
    void replacesAHeaderTheHandlerSet() throws Exception {
        Handler wrapped = request -> HttpResponse.text(200, "ok").header(HSTS, "max-age=1");
        assertThat(new Hsts(wrapped).handle(request(true)).headers().all(HSTS))
                .as(HSTS + " when the wrapped handler already set one: exactly one field, Hsts's")
                .containsExactly("max-age=31536000; includeSubDomains");
    }

    @Test
    void aNegativeMaxAgeIsRejected() {
        assertThatThrownBy(() -> new Hsts(request -> HttpResponse.empty(204), Duration.ofSeconds(-1)))
                .as("new Hsts(handler, -1 s)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-1S");
    }
}

package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.io.InputStream;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@Task("2")
@Hidden
class HttpsRedirectHiddenTest {

    @BeforeAll
    static void initialiseJdkCrypto() {
        TlsPeers.initialiseJdkCrypto();
    }

    private static HttpRequest request(String method, String target, String version, String host, boolean secure) {
        Headers headers = new Headers();
        if (host != null) {
            headers.add("Host", host);
        }
        return new HttpRequest(method, target, version, headers, InputStream.nullInputStream(), null, secure);
    }

    @Test
    @Hint("the Location is https://, the Host without its port, the HTTPS port unless it is 443, then the target"
            + " exactly as sent")
    void randomHostsPortsAndTargets() throws Exception {
        Random random = new Random(20261203);
        String[] hosts = {"example.com", "EXAMPLE.org", "a-b.c_d.test", "127.0.0.1", "[::1]", "[2001:db8::7]", "x"};
        String[] paths = {"/", "/a", "/a/b/", "/%7Euser/x.html", "/a;b=c", "/?", "/q?x=1&y=%20&z", "//double"};
        for (int i = 0; i < 200; i++) {
            int httpsPort = random.nextBoolean() ? 443 : 1 + random.nextInt(65535);
            String host = hosts[random.nextInt(hosts.length)];
            String hostHeader = random.nextBoolean() ? host : host + ":" + random.nextInt(65536);
            String target = paths[random.nextInt(paths.length)];
            String method = random.nextBoolean() ? "GET" : "DELETE";
            String version = random.nextBoolean() ? "HTTP/1.1" : "HTTP/1.0";
            HttpResponse response =
                    new HttpsRedirect(httpsPort).handle(request(method, target, version, hostHeader, false));
            String expected = "https://" + host + (httpsPort == 443 ? "" : ":" + httpsPort) + target;
            String call = method + " " + target + " " + version + ", Host: " + hostHeader + ", https port " + httpsPort;
            assertThat(response.status()).as("the status for " + call).isEqualTo(301);
            assertThat(response.headers().all("Location"))
                    .as("the Location for " + call)
                    .containsExactly(expected);
        }
    }

    @Test
    @Hint("a request the redirect cannot rebuild safely gets 400: no Host, an empty one, or a target not starting"
            + " with /")
    void requestsThatCannotBeRedirectedGet400() throws Exception {
        HttpsRedirect redirect = new HttpsRedirect(8443);
        assertThat(redirect.handle(request("GET", "/x", "HTTP/1.0", "", false)).status())
                .as("GET /x with an empty Host")
                .isEqualTo(400);
        assertThat(redirect.handle(request("OPTIONS", "*", "HTTP/1.1", "example.com", false))
                        .status())
                .as("OPTIONS * with Host: example.com")
                .isEqualTo(400);
        assertThat(redirect.handle(request("GET", "/x", "HTTP/1.1", "example.com:80:90", false))
                        .status())
                .as("a Host with two ports")
                .isEqualTo(400);
        assertThat(redirect.handle(request("GET", "/x", "HTTP/1.1", "evil.com\\@good.com", false))
                        .status())
                .as("a Host holding a backslash")
                .isEqualTo(400);
    }

    @Test
    @Hint("HSTS goes on every response to a secure request, whatever its status, with max-age in whole seconds")
    void hstsOnEveryStatusAndInWholeSeconds() throws Exception {
        for (int status : new int[] {200, 301, 404, 500}) {
            HttpResponse response = new Hsts(request -> HttpResponse.empty(status), Duration.ofMillis(90_500))
                    .handle(request("GET", "/", "HTTP/1.1", "localhost", true));
            assertThat(response.headers().all("Strict-Transport-Security"))
                    .as("HSTS with max-age 90.5 s on a secure response of status " + status)
                    .containsExactly("max-age=90; includeSubDomains");
        }
        HttpResponse forget = new Hsts(request -> HttpResponse.empty(200), Duration.ZERO)
                .handle(request("GET", "/", "HTTP/1.1", "localhost", true));
        assertThat(forget.headers().all("Strict-Transport-Security"))
                .as("HSTS with max-age 0 (tells the browser to forget)")
                .containsExactly("max-age=0; includeSubDomains");
    }
}

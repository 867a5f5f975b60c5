package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.time.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

@Task("3")
@Hidden
class ForwardedForHiddenTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-03T10:00:00Z"));

    private static int post(OkHttpClient client, WebServer server, String forwardedFor) throws IOException {
        Request request = new Request.Builder()
                .url(server.uri().resolve("/form").toString())
                .header("X-Forwarded-For", forwardedFor)
                .post(RequestBody.create(new byte[0]))
                .build();
        try (Response response = client.newCall(request).execute()) {
            return response.code();
        }
    }

    @Hint("X-Forwarded-For is believed only from a trusted proxy: any client can write it")
    @Test
    void aForgedForwardedForFromAnUntrustedPeerIsIgnored() throws IOException {
        Handler app = new PostRateLimit(clock, Set.of(InetAddress.getByName("127.0.0.2")))
                .wrap(r -> HttpResponse.text(200, "ok"));
        OkHttpClient client = MiddlewareRequests.client();
        try (WebServer server = WebServer.start(ServerSettings.onPort(0), app)) {
            for (int i = 1; i <= 5; i++) {
                assertThat(post(client, server, "203.0.113." + i))
                        .as("POST %d from 127.0.0.1 (not trusted) claiming X-Forwarded-For: 203.0.113.%d", i, i)
                        .isEqualTo(200);
            }
            assertThat(post(client, server, "203.0.113.99"))
                    .as("a 6th POST from 127.0.0.1 claiming yet another client")
                    .isEqualTo(429);
        } finally {
            MiddlewareRequests.close(client);
        }
    }

    @Hint("from a trusted proxy, the first X-Forwarded-For entry is the client")
    @Test
    void aTrustedProxysClientsAreCountedApart() throws IOException {
        Handler app = new PostRateLimit(clock, Set.of(InetAddress.getByName("127.0.0.1")))
                .wrap(r -> HttpResponse.text(200, "ok"));
        OkHttpClient client = MiddlewareRequests.client();
        try (WebServer server = WebServer.start(ServerSettings.onPort(0), app)) {
            for (int i = 1; i <= 10; i++) {
                assertThat(post(client, server, "203.0.113." + i + ", 127.0.0.1"))
                        .as("POST %d through the trusted proxy 127.0.0.1, for 203.0.113.%d", i, i)
                        .isEqualTo(200);
            }
            for (int i = 1; i <= 5; i++) {
                assertThat(post(client, server, "198.51.100.1"))
                        .as("POST %d for 198.51.100.1", i)
                        .isEqualTo(200);
            }
            assertThat(post(client, server, "198.51.100.1"))
                    .as("a 6th POST for 198.51.100.1")
                    .isEqualTo(429);
        } finally {
            MiddlewareRequests.close(client);
        }
    }
}

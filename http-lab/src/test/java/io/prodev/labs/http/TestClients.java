package io.prodev.labs.http;

import java.time.Duration;
import okhttp3.OkHttpClient;

/** The OkHttp clients tests use: bounded in time, no redirects followed, and closed without leaving threads. */
final class TestClients {

    private TestClients() {}

    static OkHttpClient okHttp() {
        return new OkHttpClient.Builder()
                .callTimeout(Duration.ofSeconds(15))
                .followRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
    }

    static void close(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}

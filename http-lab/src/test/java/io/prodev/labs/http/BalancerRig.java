package io.prodev.labs.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Backends named a, b, c, ... behind a {@link LoadBalancer} served by a {@link WebServer} on a free port, and an
 * OkHttp client that sends each request once (no retries of its own). Health checks run only when a test calls
 * {@code checkHealthNow()}: the interval is an hour.
 */
final class BalancerRig implements AutoCloseable {

    /** Settings for tests: no background checks, short timeouts. */
    static final BalancerSettings SETTINGS = BalancerSettings.defaults()
            .withHealthInterval(Duration.ofHours(1))
            .withHealthTimeout(Duration.ofSeconds(2))
            .withConnectTimeout(Duration.ofSeconds(2))
            .withReadTimeout(Duration.ofSeconds(5));

    /** What a client got: the status, the X-Served-By header ("-" when none) and the body. */
    record Answer(int status, String servedBy, String body) {}

    final List<TestBackend> backends = new ArrayList<>();
    final LoadBalancer balancer;
    final WebServer front;
    final OkHttpClient client = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .readTimeout(Duration.ofSeconds(15))
            .build();

    BalancerRig(int count, BalancerSettings settings) throws IOException {
        LoadBalancer started = null;
        try {
            for (int i = 0; i < count; i++) {
                backends.add(TestBackend.start(String.valueOf((char) ('a' + i))));
            }
            started = LoadBalancer.start(backends.stream().map(TestBackend::uri).toList(), settings);
            balancer = started;
            front = WebServer.start(ServerSettings.onPort(0), balancer);
        } catch (IOException | RuntimeException e) { // the starter's LoadBalancer throws: leave no server behind
            if (started != null) {
                started.close();
            }
            backends.forEach(TestBackend::close);
            throw e;
        }
    }

    TestBackend backend(int index) {
        return backends.get(index);
    }

    URI url(String path) {
        return front.uri().resolve(path);
    }

    Answer get(String path) throws IOException {
        return call(new Request.Builder().url(url(path).toString()).build());
    }

    Answer post(String path, String body) throws IOException {
        return call(new Request.Builder()
                .url(url(path).toString())
                .post(RequestBody.create(body, MediaType.get("text/plain")))
                .build());
    }

    Answer call(Request request) throws IOException {
        try (Response response = client.newCall(request).execute()) {
            return new Answer(
                    response.code(),
                    response.header("X-Served-By", "-"),
                    response.body().string());
        }
    }

    /** The X-Served-By of {@code count} GETs of {@code path}, one after the other. */
    List<String> servedBy(String path, int count) throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(get(path).servedBy());
        }
        return names;
    }

    @Override
    public void close() throws Exception {
        backends.forEach(TestBackend::release);
        front.close();
        balancer.close();
        backends.forEach(TestBackend::close);
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
        client.dispatcher().executorService().awaitTermination(5, TimeUnit.SECONDS);
    }
}

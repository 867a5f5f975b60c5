package io.prodev.labs.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/** What the middleware tests share: requests made by hand, a handler that shows what reached it, clients. */
final class MiddlewareRequests {

    /** 2026-12-03 is a Thursday; 10:00 UTC is inside the tests' usual 09:00-18:00 window. */
    static final Instant THURSDAY_10_00 = Instant.parse("2026-12-03T10:00:00Z");

    private MiddlewareRequests() {}

    /** A request as the server would pass it on, from {@code peer}, with header fields given as name, value, ... */
    static HttpRequest request(String method, String target, String peer, String... headerPairs) {
        Headers headers = new Headers().add("Host", "example.test");
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.add(headerPairs[i], headerPairs[i + 1]);
        }
        return new HttpRequest(
                method,
                target,
                "HTTP/1.1",
                headers,
                new ByteArrayInputStream(new byte[0]),
                new InetSocketAddress(address(peer), 40000),
                false);
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** The value of an {@code Authorization: Basic} header for {@code user:password}. */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Answers 200 with what Authentication passed on: {@code user=<user> role=<role or ->}. */
    static HttpResponse whoAmI(HttpRequest request) {
        return HttpResponse.text(
                200,
                "user=" + request.header(Authentication.USER_HEADER).orElse("-") + " role="
                        + request.header(Authentication.ROLE_HEADER).orElse("-"));
    }

    /** The body of a response a handler returned, as UTF-8 text. */
    static String text(HttpResponse response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        response.body().writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static OkHttpClient client() {
        return new OkHttpClient.Builder()
                .followRedirects(false)
                .retryOnConnectionFailure(false)
                .callTimeout(10, TimeUnit.SECONDS)
                .build();
    }

    static void close(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}

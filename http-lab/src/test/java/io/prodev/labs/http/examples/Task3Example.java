package io.prodev.labs.http.examples;

import io.prodev.labs.http.Accounts;
import io.prodev.labs.http.Authentication;
import io.prodev.labs.http.Chain;
import io.prodev.labs.http.Handler;
import io.prodev.labs.http.HttpResponse;
import io.prodev.labs.http.PostRateLimit;
import io.prodev.labs.http.RequestLog;
import io.prodev.labs.http.RolePermission;
import io.prodev.labs.http.ServerSettings;
import io.prodev.labs.http.TimeWindow;
import io.prodev.labs.http.WebServer;
import io.prodev.labs.labkit.time.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Base64;
import java.util.Set;

/** The README's example for task 3: the documented chain in front of a small site, and the log it leaves. */
public final class Task3Example {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static URI base;

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("task3");
        // tag::example[]
        MutableClock clock = MutableClock.at(Instant.parse("2026-12-03T10:00:00Z"));
        Path log = folder.resolve("requests.log");
        Accounts accounts = new Accounts().add("alice", "wonderland", "admin").add("bob", "builder", "viewer");
        Handler app = Chain.of(
                        new Authentication(accounts), // who asks (never refuses)
                        new RequestLog(log, clock), // logs every request, the refused ones too
                        new TimeWindow(LocalTime.of(9, 0), LocalTime.of(18, 0), clock),
                        new PostRateLimit(2, Duration.ofMinutes(1), clock, Set.of()),
                        new RolePermission(Set.of("admin")))
                .then(request -> HttpResponse.text(200, "hello " + Authentication.user(request)));
        try (WebServer server = WebServer.start(ServerSettings.onPort(0), app)) {
            base = server.uri();
            call("GET", "/reports", "alice:wonderland");
            call("GET", "/reports", "bob:builder");
            call("GET", "/reports", null);
            call("POST", "/comments", "alice:wonderland");
            call("POST", "/comments", "alice:wonderland");
            call("POST", "/comments", "alice:wonderland");
            clock.advance(Duration.ofHours(9)); // 19:00
            call("GET", "/reports", "alice:wonderland");
        }
        System.out.print(Files.readString(log));
        // end::example[]
        Files.delete(log);
        Files.delete(folder);
    }

    /** Sends a request with Basic credentials (or none) and prints its status, Retry-After and body. */
    private static void call(String method, String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, BodyPublishers.ofString(method.equals("POST") ? "text=hi" : ""));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        var response = CLIENT.send(request.build(), BodyHandlers.ofString());
        System.out.printf(
                "%s %s as %s -> %d%s, body: %s%n",
                method,
                path,
                credentials == null ? "nobody" : credentials.substring(0, credentials.indexOf(':')),
                response.statusCode(),
                response.headers()
                        .firstValue("Retry-After")
                        .map(s -> " (Retry-After: " + s + ")")
                        .orElse(""),
                response.body().strip());
    }
}

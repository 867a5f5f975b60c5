package io.prodev.labs.http.examples;

import io.prodev.labs.http.HelloSite;
import io.prodev.labs.http.ServerSettings;
import io.prodev.labs.http.StaticFiles;
import io.prodev.labs.http.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The example of task 0 in README.md (grader check compares it, and its output, with the README). */
public final class Task0Example {

    private Task0Example() {}

    public static void main(String[] args) throws Exception {
        // tag::example[]
        Path folder = Files.createTempDirectory("www");
        Files.writeString(folder.resolve("style.css"), "h1 { color: teal; }");
        HelloSite site = new HelloSite("web-01", Optional.of(new StaticFiles("/static/", folder)));
        HttpClient client = HttpClient.newHttpClient(); // follows no redirects by default
        try (WebServer server = WebServer.start(ServerSettings.onPort(0), site)) {
            for (String path : new String[] {"/", "/redirect_me", "/missing", "/static/style.css"}) {
                URI uri = server.uri().resolve(path);
                HttpResponse<String> response =
                        client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                System.out.println(path + " -> " + response.statusCode() + " "
                        + response.headers().firstValue("Content-Type").orElse("-") + " "
                        + response.headers().firstValue("X-Served-By").orElse("-"));
            }
        }
        // end::example[]
    }
}

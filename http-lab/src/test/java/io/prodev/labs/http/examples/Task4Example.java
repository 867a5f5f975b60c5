package io.prodev.labs.http.examples;

import io.prodev.labs.http.HelloSite;
import io.prodev.labs.http.Monitoring;
import io.prodev.labs.http.ServerSettings;
import io.prodev.labs.http.WebServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** The example of task 4 in README.md (grader check compares it, and its output, with the README). */
public final class Task4Example {

    private Task4Example() {}

    public static void main(String[] args) throws Exception {
        // tag::example[]
        Monitoring monitoring = new Monitoring();
        HttpClient client = HttpClient.newHttpClient();
        try (WebServer server =
                WebServer.start(ServerSettings.onPort(0), monitoring.wrap(new HelloSite("web-01", Optional.empty())))) {
            for (String path : new String[] {"/", "/", "/redirect_me", "/nope", "/health", "/metrics"}) {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(server.uri().resolve(path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (path.equals("/health")) {
                    System.out.println(response.statusCode() + " " + response.body());
                }
                if (path.equals("/metrics")) {
                    response.body()
                            .lines()
                            .filter(line -> line.startsWith("http_requests_total")
                                    || line.startsWith("http_request_duration_seconds_count"))
                            .sorted()
                            .forEach(System.out::println);
                }
            }
        }
        // end::example[]
    }
}

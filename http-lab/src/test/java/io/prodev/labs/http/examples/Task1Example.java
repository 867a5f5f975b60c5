package io.prodev.labs.http.examples;

import io.prodev.labs.http.BackendStatus;
import io.prodev.labs.http.BalancerSettings;
import io.prodev.labs.http.HelloSite;
import io.prodev.labs.http.LoadBalancer;
import io.prodev.labs.http.ServerSettings;
import io.prodev.labs.http.WebServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/** The example of task 1 in README.md (grader check compares it, and its output, with the README). */
public final class Task1Example {

    private Task1Example() {}

    public static void main(String[] args) throws Exception {
        // tag::example[]
        HttpClient client = HttpClient.newHttpClient();
        try (WebServer web01 = WebServer.start(ServerSettings.onPort(0), new HelloSite("web-01", Optional.empty()));
                WebServer web02 = WebServer.start(ServerSettings.onPort(0), new HelloSite("web-02", Optional.empty()));
                LoadBalancer balancer = LoadBalancer.start(
                        List.of(web01.uri(), web02.uri()),
                        BalancerSettings.defaults().withHealthPath("/"));
                WebServer front = WebServer.start(ServerSettings.onPort(0), balancer)) {
            HttpRequest get = HttpRequest.newBuilder(front.uri()).build();
            for (int i = 0; i < 5; i++) {
                if (i == 3) {
                    web02.close();
                    System.out.println("web-02 stopped");
                }
                HttpResponse<String> response = client.send(get, HttpResponse.BodyHandlers.ofString());
                System.out.println("GET / -> " + response.statusCode() + " "
                        + response.headers().firstValue("X-Served-By").orElse("-"));
            }
            System.out.println("healthy: "
                    + balancer.backends().stream().map(BackendStatus::healthy).toList());
        }
        // end::example[]
    }
}

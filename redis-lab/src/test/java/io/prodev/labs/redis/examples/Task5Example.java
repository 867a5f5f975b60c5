package io.prodev.labs.redis.examples;

import io.prodev.labs.redis.WebPages;
import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import redis.clients.jedis.RedisClient;

/** The example of task 5 in README.md (grader check compares it, and its output, with the README). */
public final class Task5Example {

    private Task5Example() {}

    public static void main(String[] args) throws IOException {
        String redisUrl = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
        // tag::example[]
        try (RedisClient redis = RedisClient.create(redisUrl);
                MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().body("<h1>Loft</h1>").build());
            server.start();
            String url = server.url("/listings/7").toString();

            WebPages pages = new WebPages(redis, new OkHttpClient());
            System.out.println(pages.getPage(url));
            System.out.println(pages.getPage(url)); // from Redis: no request
            System.out.println(server.getRequestCount());
            System.out.println(redis.get("count:" + url));
            System.out.println(redis.pttl("page:" + url) <= 10_000);
        }
        // end::example[]
    }
}

package io.prodev.labs.redis.examples;

import io.prodev.labs.redis.Accounts;
import io.prodev.labs.redis.BulkLoad;
import java.util.LinkedHashMap;
import java.util.Map;
import redis.clients.jedis.RedisClient;

/** The example of task 8 in README.md (grader check compares it, and its output, with the README). */
public final class Task8Example {

    private Task8Example() {}

    public static void main(String[] args) {
        String redisUrl = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
        // tag::example[]
        try (RedisClient redis = RedisClient.create(redisUrl)) {
            Map<String, String> listings = new LinkedHashMap<>();
            for (int i = 1; i <= 3; i++) {
                listings.put("listing:" + i, "Room " + i + ", Addis Ababa");
            }
            BulkLoad.loadPipelined(redis, listings);
            System.out.println(redis.get("listing:2"));

            redis.set("alice", "100");
            System.out.println(Accounts.transfer(redis, "alice", "bob", 30));
            System.out.println(Accounts.transfer(redis, "alice", "bob", 80));
            System.out.println(redis.get("alice") + " " + redis.get("bob"));
        }
        // end::example[]
    }
}

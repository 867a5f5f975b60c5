package io.prodev.labs.redis.examples;

import io.prodev.labs.redis.Cache;
import io.prodev.labs.redis.CallCounter;
import java.util.function.Function;
import redis.clients.jedis.RedisClient;

/** The example of task 2 in README.md (grader check compares it, and its output, with the README). */
public final class Task2Example {

    private Task2Example() {}

    public static void main(String[] args) {
        String redisUrl = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
        // tag::example[]
        try (RedisClient redis = RedisClient.create(redisUrl)) {
            Cache cache = new Cache(redis);
            cache.store("a");
            cache.store("b");
            cache.store(3);
            System.out.println(redis.get("Cache.store"));

            Function<String, Integer> length = CallCounter.counted(redis, "length", String::length);
            System.out.println(length.apply("Addis"));
            System.out.println(redis.get("length"));
        }
        // end::example[]
    }
}

package io.prodev.labs.redis.examples;

import io.prodev.labs.redis.Cache;
import redis.clients.jedis.RedisClient;

/** The example of task 1 in README.md (grader check compares it, and its output, with the README). */
public final class Task1Example {

    private Task1Example() {}

    public static void main(String[] args) {
        String redisUrl = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
        // tag::example[]
        try (RedisClient redis = RedisClient.create(redisUrl)) {
            Cache cache = new Cache(redis);
            String key = cache.store(1250);
            System.out.println(cache.getInt(key) + 1);
            System.out.println(cache.getStr(key).length());
            Integer length = cache.get(key, bytes -> bytes.length);
            System.out.println(length);
            System.out.println(cache.getStr("no such key"));
            try {
                cache.getInt(cache.store("twelve"));
            } catch (IllegalStateException e) {
                System.out.println(e.getMessage().startsWith("the value of key"));
            }
        }
        // end::example[]
    }
}

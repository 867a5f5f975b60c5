package io.prodev.labs.redis.examples;

import io.prodev.labs.redis.CallCounter;
import io.prodev.labs.redis.CallHistory;
import io.prodev.labs.redis.Replay;
import java.util.function.Function;
import redis.clients.jedis.RedisClient;

/** The example of task 4 in README.md (grader check compares it, and its output, with the README). */
public final class Task4Example {

    private Task4Example() {}

    public static void main(String[] args) {
        String redisUrl = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
        // tag::example[]
        try (RedisClient redis = RedisClient.create(redisUrl)) {
            Function<String, Integer> length =
                    CallHistory.recorded(redis, "length", CallCounter.counted(redis, "length", String::length));
            length.apply("Addis");
            length.apply("Bahir Dar");
            Function<String, Integer> parse =
                    CallHistory.recorded(redis, "parse", CallCounter.counted(redis, "parse", Integer::valueOf));
            try {
                parse.apply("ten");
            } catch (NumberFormatException expected) {
                // replay shows it
            }
            Replay.replay(redis, "length");
            Replay.replay(redis, "parse");
        }
        // end::example[]
    }
}

package io.prodev.labs.redis.examples;

import io.prodev.labs.redis.DistributedLock;
import java.time.Duration;
import redis.clients.jedis.RedisClient;

/** The example of task 7 in README.md (grader check compares it, and its output, with the README). */
public final class Task7Example {

    private Task7Example() {}

    public static void main(String[] args) {
        String redisUrl = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
        // tag::example[]
        try (RedisClient redis = RedisClient.create(redisUrl)) {
            DistributedLock mine = new DistributedLock(redis, "lock:payouts", Duration.ofSeconds(30));
            DistributedLock theirs = new DistributedLock(redis, "lock:payouts", Duration.ofSeconds(30));
            String token = mine.tryAcquire();
            System.out.println(token.equals(redis.get("lock:payouts")));
            System.out.println(theirs.tryAcquire()); // taken
            System.out.println(theirs.release("not-the-token"));
            System.out.println(mine.extend(token, Duration.ofMinutes(5)));
            System.out.println(redis.pttl("lock:payouts") > 30_000);
            System.out.println(mine.release(token));
            System.out.println(theirs.tryAcquire() != null);
        }
        // end::example[]
    }
}

package io.prodev.labs.redis.examples;

import io.prodev.labs.redis.JobQueue;
import java.time.Duration;
import redis.clients.jedis.RedisClient;

/** The example of task 9 in README.md (grader check compares it, and its output, with the README). */
public final class Task9Example {

    private Task9Example() {}

    public static void main(String[] args) throws InterruptedException {
        String redisUrl = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
        // tag::example[]
        try (RedisClient redis = RedisClient.create(redisUrl)) {
            JobQueue queue = new JobQueue(redis, "emails", Duration.ofMillis(200));
            queue.push("welcome:ada");
            queue.push("welcome:alan");

            String job = queue.take("worker-1", Duration.ofSeconds(1));
            System.out.println(job + " " + redis.lrange("emails:processing:worker-1", 0, -1));
            System.out.println(queue.ack("worker-1", job));

            System.out.println("worker-2 took " + queue.take("worker-2", Duration.ofSeconds(1)) + " and died");
            int requeued;
            while ((requeued = queue.requeueExpired()) == 0) {
                Thread.sleep(50); // until worker-2's lease expires, 200 ms after it took the job
            }
            System.out.println(requeued + " requeued");
            System.out.println("worker-3 took " + queue.take("worker-3", Duration.ofSeconds(1)));
        }
        // end::example[]
    }
}

package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.RedisTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

@Task("9")
@RedisTest
class JobQueueTest {

    private static final Duration LONG = Duration.ofMinutes(1);
    private static final Duration WAIT = Duration.ofMillis(100);

    private RedisClient redis;

    @BeforeEach
    void setUp(RedisClient redis) {
        this.redis = redis;
    }

    @Test
    void jobsAreTakenInTheOrderTheyWerePushed() {
        JobQueue queue = new JobQueue(redis, "jobs", LONG);
        queue.push("a");
        queue.push("b");
        queue.push("c");

        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            taken.add(take(queue, "w1"));
        }

        assertThat(taken).as("three takes after push a, b, c").containsExactly("a", "b", "c");
    }

    @Test
    void takeReturnsNullWhenNoJobCameWithinTheWait() {
        JobQueue queue = new JobQueue(redis, "jobs", LONG);

        assertThat(take(queue, "w1"))
                .as("take(\"w1\", %s) on an empty queue", WAIT)
                .isNull();
        assertThat(redis.exists("jobs:processing:w1"))
                .as("EXISTS jobs:processing:w1 after a take that found nothing")
                .isFalse();
    }

    @Test
    void aTakenJobIsInTheWorkersProcessingListAndNoLongerPending() {
        JobQueue queue = new JobQueue(redis, "jobs", LONG);
        queue.push("a");
        queue.push("b");

        assertThat(take(queue, "w1")).as("take(\"w1\") after push a, b").isEqualTo("a");

        assertThat(redis.lrange("jobs:processing:w1", 0, -1))
                .as("LRANGE jobs:processing:w1 after w1 took a")
                .containsExactly("a");
        assertThat(redis.lrange("jobs:pending", 0, -1))
                .as("LRANGE jobs:pending after w1 took a of a, b")
                .containsExactly("b");
        assertThat(redis.exists("jobs:alive:w1"))
                .as("EXISTS jobs:alive:w1 (w1's lease) after w1 took a")
                .isTrue();
        assertThat(redis.pttl("jobs:alive:w1"))
                .as("PTTL jobs:alive:w1 (ms) after w1 took a, with a visibility timeout of 1 minute")
                .isBetween(1L, LONG.toMillis());
        assertThat(redis.smembers("jobs:workers"))
                .as("SMEMBERS jobs:workers after w1 took a")
                .containsExactly("w1");
    }

    @Test
    void ackRemovesExactlyOneCopyOfTheJob() {
        JobQueue queue = new JobQueue(redis, "jobs", LONG);
        queue.push("mail");
        queue.push("mail");
        take(queue, "w1");
        take(queue, "w1");

        assertThat(queue.ack("w1", "mail"))
                .as("ack(\"w1\", \"mail\") with two mail jobs taken")
                .isTrue();
        assertThat(redis.lrange("jobs:processing:w1", 0, -1))
                .as("LRANGE jobs:processing:w1 after w1 took two identical jobs mail and acked one")
                .containsExactly("mail");
        assertThat(queue.ack("w1", "mail"))
                .as("ack(\"w1\", \"mail\") of the second mail job")
                .isTrue();
        assertThat(queue.ack("w1", "mail"))
                .as("a third ack(\"w1\", \"mail\") of two mail jobs")
                .isFalse();
    }

    @Test
    void ackOfAJobTheWorkerDoesNotHoldReturnsFalseAndChangesNothing() {
        JobQueue queue = new JobQueue(redis, "jobs", LONG);
        queue.push("a");
        queue.push("b");
        queue.push("c");
        take(queue, "w1");
        take(queue, "w2");

        assertThat(queue.ack("w2", "a"))
                .as("ack(\"w2\", \"a\") when w1 holds a")
                .isFalse();
        assertThat(queue.ack("w1", "c"))
                .as("ack(\"w1\", \"c\") when c is still pending")
                .isFalse();
        assertThat(queue.ack("w3", "a"))
                .as("ack(\"w3\", \"a\") by a worker that never took a job")
                .isFalse();

        assertThat(redis.lrange("jobs:processing:w1", 0, -1))
                .as("LRANGE jobs:processing:w1 after acks of jobs other workers hold")
                .containsExactly("a");
        assertThat(redis.lrange("jobs:processing:w2", 0, -1))
                .as("LRANGE jobs:processing:w2 after acks of jobs other workers hold")
                .containsExactly("b");
        assertThat(redis.lrange("jobs:pending", 0, -1))
                .as("LRANGE jobs:pending after acks of jobs other workers hold")
                .containsExactly("c");
    }

    @Test
    void aLiveWorkersJobsAreNotRequeued() {
        JobQueue queue = new JobQueue(redis, "jobs", LONG);
        queue.push("a");
        queue.push("b");
        take(queue, "w1");

        assertThat(queue.requeueExpired())
                .as("requeueExpired() just after w1 took a, with a visibility timeout of 1 minute")
                .isZero();
        assertThat(redis.lrange("jobs:processing:w1", 0, -1))
                .as("LRANGE jobs:processing:w1 after requeueExpired() while w1's lease is alive")
                .containsExactly("a");
        assertThat(redis.lrange("jobs:pending", 0, -1))
                .as("LRANGE jobs:pending after requeueExpired() while w1's lease is alive")
                .containsExactly("b");
    }

    @Test
    void aHeartbeatRenewsTheLease() {
        JobQueue queue = new JobQueue(redis, "jobs", LONG);
        queue.push("a");
        take(queue, "w1");
        redis.del("jobs:alive:w1"); // as if the lease had run out

        queue.heartbeat("w1");

        assertThat(redis.pttl("jobs:alive:w1"))
                .as("PTTL jobs:alive:w1 (ms) after heartbeat(\"w1\"), with a visibility timeout of 1 minute")
                .isBetween(1L, LONG.toMillis());
        assertThat(queue.requeueExpired())
                .as("requeueExpired() after w1's lease was deleted, then heartbeat(\"w1\")")
                .isZero();
        assertThat(redis.lrange("jobs:processing:w1", 0, -1))
                .as("LRANGE jobs:processing:w1 after heartbeat(\"w1\") and requeueExpired()")
                .containsExactly("a");
    }

    @Test
    void aSilentWorkersJobsGoBackToTheFrontOnceItsLeaseExpires() throws InterruptedException {
        Duration visibility = Duration.ofMillis(200);
        JobQueue queue = new JobQueue(redis, "jobs", visibility);
        for (String job : List.of("a", "b", "c", "d")) {
            queue.push(job);
        }
        take(queue, "w1");
        take(queue, "w1"); // then w1 says nothing more

        int requeued = 0;
        long deadline = System.nanoTime() + BlockedTakes.BOUND.toNanos();
        while (requeued == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            requeued = queue.requeueExpired();
        }

        assertThat(requeued)
                .as(
                        "requeueExpired() once w1, holding a and b, was silent for %d ms (polled for %d s)",
                        visibility.toMillis(), BlockedTakes.BOUND.toSeconds())
                .isEqualTo(2);
        assertThat(redis.exists("jobs:processing:w1"))
                .as("EXISTS jobs:processing:w1 after its jobs were requeued")
                .isFalse();
        assertThat(redis.sismember("jobs:workers", "w1"))
                .as("SISMEMBER jobs:workers w1 after its jobs were requeued (it is forgotten)")
                .isFalse();
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            taken.add(take(queue, "w2"));
        }
        assertThat(taken)
                .as("four takes after w1's jobs a and b were requeued, with c and d pending")
                .containsExactly("a", "b", "c", "d");
    }

    @Test
    void badInputIsRejectedAndChangesNothing() {
        JobQueue queue = new JobQueue(redis, "jobs", LONG);

        rejects(() -> new JobQueue(redis, null, LONG), "new JobQueue(redis, null, 1 min)", "null");
        rejects(() -> new JobQueue(redis, " ", LONG), "new JobQueue(redis, \" \", 1 min)", "\" \"");
        rejects(() -> new JobQueue(redis, "jobs", Duration.ZERO), "new JobQueue(redis, \"jobs\", 0)", "PT0S");
        rejects(
                () -> new JobQueue(redis, "jobs", Duration.ofMillis(-5)),
                "new JobQueue(redis, \"jobs\", -5 ms)",
                "PT-0.005S");
        rejects(() -> new JobQueue(redis, "jobs", null), "new JobQueue(redis, \"jobs\", null)", "null");
        rejects(() -> queue.push(null), "push(null)", "null");
        rejects(() -> queue.push(""), "push(\"\")", "\"\"");
        rejects(() -> BlockedTakes.take(redis, queue, null, WAIT), "take(null, 100 ms)", "null");
        rejects(() -> BlockedTakes.take(redis, queue, "\t", WAIT), "take(\"\\t\", 100 ms)", "\"\\t\"");
        rejects(() -> BlockedTakes.take(redis, queue, "w1", Duration.ZERO), "take(\"w1\", 0)", "PT0S");
        rejects(() -> BlockedTakes.take(redis, queue, "w1", Duration.ofSeconds(-1)), "take(\"w1\", -1 s)", "PT-1S");
        rejects(() -> BlockedTakes.take(redis, queue, "w1", null), "take(\"w1\", null)", "null");
        rejects(() -> queue.ack(null, "a"), "ack(null, \"a\")", "null");
        rejects(() -> queue.ack("w1", " "), "ack(\"w1\", \" \")", "\" \"");
        rejects(() -> queue.heartbeat(""), "heartbeat(\"\")", "\"\"");

        assertThat(redis.dbSize()).as("DBSIZE after only bad calls").isZero();
    }

    private String take(JobQueue queue, String worker) {
        return BlockedTakes.take(redis, queue, worker, WAIT);
    }

    private static void rejects(ThrowingCallable call, String what, String value) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown)
                .as("%s, which must throw an IllegalArgumentException", what)
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(thrown.getMessage())
                .as("the message of %s's exception", what)
                .contains(value);
    }
}

package io.prodev.labs.redis;

import java.time.Duration;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.args.ListDirection;
import redis.clients.jedis.params.SetParams;

/**
 * A reliable job queue in Redis: producers {@link #push} jobs, workers {@link #take} them and {@link #ack} each one
 * when it is done. Taking a job moves it, in one atomic command, from the list of pending jobs to the taking
 * worker's own processing list, so at every moment a job is in exactly one list: nothing is lost if the worker dies
 * halfway. A worker proves it is alive with a lease key that expires after the visibility timeout; {@link
 * #requeueExpired} puts the jobs of a worker whose lease ran out back at the front of the queue.
 *
 * <p>Keys, for a queue named {@code jobs}: {@code jobs:pending} (a list, the next job at its right end), {@code
 * jobs:processing:<worker>} (a list per worker), {@code jobs:alive:<worker>} (the lease, a string with a time to
 * live) and {@code jobs:workers} (a set: every worker that may hold jobs).
 *
 * <p>Delivery is at least once: a worker that is slower than its visibility timeout (and sends no {@link
 * #heartbeat}) may see its job requeued and done by another worker, and its own {@link #ack} return false.
 */
public class JobQueue {

    private final UnifiedJedis redis;
    private final String name;
    private final Duration visibilityTimeout;

    /**
     * A queue under the keys {@code <name>:...}; nothing is written until it is used.
     *
     * @throws IllegalArgumentException naming the value, if {@code name} is null or blank, or {@code
     *     visibilityTimeout} is null, zero or negative
     */
    public JobQueue(UnifiedJedis redis, String name, Duration visibilityTimeout) {
        Objects.requireNonNull(redis, "redis");
        // BEGIN SOLUTION
        // STUB: // Task 9: reject a null or blank name, and a visibility timeout of zero or less
        requireText("name", name);
        requirePositive("visibilityTimeout", visibilityTimeout);
        // END SOLUTION
        this.redis = redis;
        this.name = name;
        this.visibilityTimeout = visibilityTimeout;
    }

    /**
     * Adds a job at the back of the queue ({@code LPUSH <name>:pending}): jobs are taken in the order they were
     * pushed. Identical jobs are allowed; each is a job of its own.
     *
     * @throws IllegalArgumentException naming the value, if {@code job} is null or blank
     */
    public void push(String job) {
        // BEGIN SOLUTION
        requireText("job", job);
        redis.lpush(pendingKey(), job);
        // END SOLUTION
    }

    /**
     * Takes the next job for {@code worker}, waiting up to {@code wait} for one: it first renews the worker's lease
     * and records the worker in {@code <name>:workers}, then moves the job from the front of {@code <name>:pending}
     * to {@code <name>:processing:<worker>} with one {@code BLMOVE}. The lease then lasts the visibility timeout
     * from the moment the job was taken.
     *
     * @return the job, or null if none came within {@code wait}
     * @throws IllegalArgumentException naming the value, if {@code worker} is null or blank, or {@code wait} is
     *     null, zero or negative
     */
    public String take(String worker, Duration wait) {
        // BEGIN SOLUTION
        requireText("worker", worker);
        requirePositive("wait", wait);
        // The lease covers the whole wait too: it cannot run out while the worker is blocked, so a job that
        // arrives at the end of the wait lands with a worker that is still known alive.
        renew(worker, wait.plus(visibilityTimeout));
        // BLMOVE takes seconds, and 0 blocks forever; Redis 6.2 also reads 0.001 as 0 (0.001 * 1000 rounds down to
        // 0.999... ms, then to 0), so wait at least 2 ms.
        double seconds = Math.max(2, wait.toMillis()) / 1000.0;
        String job =
                redis.blmove(pendingKey(), processingKey(worker), ListDirection.RIGHT, ListDirection.LEFT, seconds);
        if (job != null) {
            renew(worker, visibilityTimeout);
        }
        return job;
        // END SOLUTION
    }

    /**
     * Acknowledges a job {@code worker} has done: removes one copy of it from {@code <name>:processing:<worker>}
     * ({@code LREM} with count 1) and renews the worker's lease.
     *
     * @return true if the worker held the job; false, changing no list, if it did not (it was never taken by this
     *     worker, was acknowledged already, or was requeued because the worker's lease ran out)
     * @throws IllegalArgumentException naming the value, if {@code worker} or {@code job} is null or blank
     */
    public boolean ack(String worker, String job) {
        // BEGIN SOLUTION
        requireText("worker", worker);
        requireText("job", job);
        // Count 1: identical jobs are separate jobs, and each ack finishes one of them.
        if (redis.lrem(processingKey(worker), 1, job) == 0) {
            return false;
        }
        renew(worker, visibilityTimeout);
        return true;
        // END SOLUTION
    }

    /**
     * Renews {@code worker}'s lease for another visibility timeout: a worker on a job longer than that calls it
     * regularly so that its jobs are not requeued.
     *
     * @throws IllegalArgumentException naming the value, if {@code worker} is null or blank
     */
    public void heartbeat(String worker) {
        // BEGIN SOLUTION
        requireText("worker", worker);
        renew(worker, visibilityTimeout);
        // END SOLUTION
    }

    /**
     * For every worker of {@code <name>:workers} whose lease key has expired, moves each job of its processing list
     * back to the front of {@code <name>:pending} (one {@code LMOVE} per job, so the job the worker took first is
     * taken first again), then forgets the worker. Workers whose lease is alive keep their jobs. Several requeuers
     * may run at once: each job is moved once.
     *
     * @return how many jobs this call moved
     */
    public int requeueExpired() {
        // BEGIN SOLUTION
        int moved = 0;
        for (String worker : redis.smembers(workersKey())) {
            if (redis.exists(aliveKey(worker))) {
                continue;
            }
            // One atomic LMOVE per job: a job is always in one list or the other, even if this process dies here
            // or another requeuer moves the same worker's jobs at the same time. Newest first from the left of the
            // processing list onto the right (the front) of pending, so the oldest ends up next in line.
            while (redis.lmove(processingKey(worker), pendingKey(), ListDirection.LEFT, ListDirection.RIGHT) != null) {
                moved++;
            }
            redis.srem(workersKey(), worker);
            // The worker may have come back (take, heartbeat) since EXISTS: keep it known, or a job it takes now
            // would sit in a processing list no requeuer looks at.
            if (redis.exists(aliveKey(worker))) {
                redis.sadd(workersKey(), worker);
            }
        }
        return moved;
        // END SOLUTION
    }

    /** The list of jobs waiting to be taken: {@code <name>:pending}. */
    public String pendingKey() {
        return name + ":pending";
    }

    /** The list of jobs {@code worker} has taken and not acknowledged yet: {@code <name>:processing:<worker>}. */
    public String processingKey(String worker) {
        return name + ":processing:" + worker;
    }

    /** {@code worker}'s lease, a key that exists while the worker counts as alive: {@code <name>:alive:<worker>}. */
    public String aliveKey(String worker) {
        return name + ":alive:" + worker;
    }

    /** The set of workers that may hold jobs: {@code <name>:workers}. */
    public String workersKey() {
        return name + ":workers";
    }

    // BEGIN SOLUTION: remove
    /** The lease first, then the set: a requeuer that forgets the worker in between sees the lease and re-adds it. */
    private void renew(String worker, Duration lease) {
        redis.set(aliveKey(worker), "1", SetParams.setParams().px(Math.max(1, lease.toMillis())));
        redis.sadd(workersKey(), worker);
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    what + " must not be null or blank, got: " + CallRendering.render(value));
        }
    }

    private static void requirePositive(String what, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be longer than zero, got: " + value);
        }
    }
    // END SOLUTION
}

package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.Weight;
import io.prodev.labs.labkit.redis.RedisEndpoint;
import io.prodev.labs.labkit.redis.RedisTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

@Task("9")
@Hidden
@RedisTest
class JobQueueHiddenTest {

    private static final Duration WAIT = Duration.ofMillis(50);
    private static final Duration LONG = Duration.ofMinutes(1);

    /**
     * The test. 200 jobs; a worker whose connection is cut right after Redis ran its take's command (it never
     * hears which job it got), four workers, one of which takes its eleventh job and dies, and a reaper calling
     * requeueExpired. Every job must be done and acknowledged exactly once, and the queue end empty.
     */
    @Weight(3)
    @Hint("a worker may die at any moment, even just after Redis gave it a job: taking must move the job in one"
            + " atomic step, and a dead worker's jobs come back once its lease expires, never a live one's")
    @Test
    void everyJobIsDoneExactlyOnceThoughWorkersDie(RedisClient redis, RedisEndpoint endpoint) throws Exception {
        int jobs = 200;
        Duration visibility = Duration.ofSeconds(1);
        JobQueue queue = new JobQueue(redis, "jobs", visibility);
        for (int i = 0; i < jobs; i++) {
            queue.push("job-" + i);
        }
        try (KillingRelay relay = new KillingRelay(endpoint);
                RedisClient doomed = RedisClient.create(relay.uri())) {
            JobQueue doomedQueue = new JobQueue(doomed, "jobs", visibility);
            catchThrowable(() -> doomedQueue.take("cut-off", WAIT)); // its connection dies: it throws
        }

        Map<String, Integer> done = new ConcurrentHashMap<>();
        Map<String, Integer> acked = new ConcurrentHashMap<>();
        CountDownLatch allAcked = new CountDownLatch(jobs);
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String worker = "worker-" + w;
            boolean diesMidJob = w == 0;
            threads.add(new Thread(
                    () -> {
                        try {
                            int handled = 0;
                            while (!stop.get()) {
                                String job = queue.take(worker, WAIT);
                                if (job == null) {
                                    continue;
                                }
                                if (diesMidJob && handled == 10) {
                                    return; // dies holding its eleventh job: no ack, no heartbeat
                                }
                                done.merge(job, 1, Integer::sum);
                                if (queue.ack(worker, job) && acked.merge(job, 1, Integer::sum) == 1) {
                                    allAcked.countDown();
                                }
                                handled++;
                            }
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    },
                    worker));
        }
        threads.add(new Thread(
                () -> {
                    try {
                        while (!stop.get()) {
                            queue.requeueExpired();
                            Thread.sleep(20);
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                },
                "reaper"));
        threads.forEach(Thread::start);
        boolean finished = allAcked.await(6, TimeUnit.SECONDS);
        stop.set(true);
        joinAll(redis, threads);

        assertThat(errors).as("exceptions thrown by the workers and the reaper").isEmpty();
        Set<String> neverAcked = new TreeSet<>();
        IntStream.range(0, jobs)
                .mapToObj(i -> "job-" + i)
                .filter(job -> !acked.containsKey(job))
                .forEach(neverAcked::add);
        assertThat(neverAcked)
                .as("jobs never acknowledged after 6 s (200 jobs, 4 workers, one killed mid-take, one mid-job)")
                .isEmpty();
        assertThat(finished).isTrue();
        assertThat(twiceOrMore(done))
                .as("jobs done more than once by the live workers (visibility timeout 1 s, jobs take no time)")
                .isEmpty();
        assertThat(twiceOrMore(acked))
                .as("jobs whose ack returned true more than once")
                .isEmpty();
        assertThat(redis.llen("jobs:pending"))
                .as("LLEN jobs:pending once every job was done")
                .isZero();
        assertThat(redis.keys("jobs:processing:*"))
                .as("processing lists left once every job was done")
                .isEmpty();
    }

    /**
     * Random push, take, ack, heartbeat, lease deletion (an expiry made on purpose) and requeue, against a model of
     * the pending list, each worker's processing list and which workers are alive.
     */
    @Weight(2)
    @Hint("over many operations, every list must hold exactly the jobs the rules say: taken from the front, one"
            + " copy acknowledged, a dead worker's jobs back at the front in the order it took them, a live one's kept")
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void aRandomRunMatchesTheModel(long seed, RedisClient redis) {
        JobQueue queue = new JobQueue(redis, "jobs", LONG);
        List<String> workers = List.of("w1", "w2", "w3");
        List<String> pending = new ArrayList<>(); // left to right, as LRANGE shows it: the next job is last
        Map<String, List<String>> processing = new HashMap<>();
        workers.forEach(worker -> processing.put(worker, new ArrayList<>()));
        Set<String> known = new HashSet<>();
        Set<String> alive = new HashSet<>();
        Random random = new Random(seed);
        List<String> done = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String worker = workers.get(random.nextInt(workers.size()));
            String job = "j" + random.nextInt(4);
            String operation;
            switch (random.nextInt(10)) {
                case 0, 1, 2 -> {
                    operation = "push(\"" + job + "\")";
                    queue.push(job);
                    pending.add(0, job);
                }
                case 3, 4 -> {
                    operation = "take(\"" + worker + "\")";
                    String expected = pending.isEmpty() ? null : pending.remove(pending.size() - 1);
                    if (expected != null) {
                        processing.get(worker).add(0, expected);
                    }
                    known.add(worker);
                    alive.add(worker);
                    String taken = BlockedTakes.take(redis, queue, worker, Duration.ofMillis(20));
                    assertThat(taken).as(at(i, operation, seed, done)).isEqualTo(expected);
                }
                case 5, 6 -> {
                    boolean holds = processing.get(worker).contains(job);
                    if (!holds && !alive.contains(worker)) {
                        continue; // what such an ack does to the lease is not a rule
                    }
                    operation = "ack(\"" + worker + "\", \"" + job + "\")";
                    if (holds) {
                        processing.get(worker).remove(job); // the first copy from the left, as LREM 1 does
                        alive.add(worker);
                    }
                    assertThat(queue.ack(worker, job))
                            .as(at(i, operation, seed, done))
                            .isEqualTo(holds);
                }
                case 7 -> {
                    operation = "heartbeat(\"" + worker + "\")";
                    queue.heartbeat(worker);
                    known.add(worker);
                    alive.add(worker);
                }
                case 8 -> {
                    operation = "DEL jobs:alive:" + worker;
                    redis.del(queue.aliveKey(worker));
                    alive.remove(worker);
                }
                default -> {
                    operation = "requeueExpired()";
                    List<String> dead = new ArrayList<>();
                    for (String each : workers) {
                        if (known.contains(each) && !alive.contains(each)) {
                            known.remove(each);
                            if (!processing.get(each).isEmpty()) {
                                dead.add(each);
                            }
                        }
                    }
                    int expected = dead.stream()
                            .mapToInt(each -> processing.get(each).size())
                            .sum();
                    int moved = queue.requeueExpired();
                    assertThat(moved).as(at(i, operation, seed, done)).isEqualTo(expected);
                    // Dead workers are taken in any order; each one's jobs stay together, oldest at the front.
                    List<String> actual = redis.lrange("jobs:pending", 0, -1);
                    List<List<String>> possible = new ArrayList<>();
                    for (List<String> order : orders(dead)) {
                        List<String> after = new ArrayList<>(pending);
                        order.forEach(each -> after.addAll(processing.get(each)));
                        possible.add(after);
                    }
                    assertThat(possible)
                            .as("LRANGE jobs:pending %s, one of the possible lists", at(i, operation, seed, done))
                            .contains(actual);
                    pending.clear();
                    pending.addAll(actual);
                    dead.forEach(each -> processing.get(each).clear());
                }
            }
            done.add(operation);
            assertThat(redis.lrange("jobs:pending", 0, -1))
                    .as("LRANGE jobs:pending %s", at(i, operation, seed, done))
                    .isEqualTo(pending);
            for (String each : workers) {
                assertThat(redis.lrange("jobs:processing:" + each, 0, -1))
                        .as("LRANGE jobs:processing:%s %s", each, at(i, operation, seed, done))
                        .isEqualTo(processing.get(each));
            }
        }
    }

    /** Two requeuers at once, on a dead worker holding 50 jobs, ten times. */
    @Hint("two requeuers running at the same time must together move each job exactly once: none lost, none doubled")
    @Test
    void twoRequeuersAtOnceMoveEachJobOnce(RedisClient redis) throws InterruptedException {
        for (int round = 0; round < 10; round++) {
            String name = "jobs" + round;
            JobQueue queue = new JobQueue(redis, name, LONG);
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                jobs.add(round + "-" + i);
                queue.push(round + "-" + i);
            }
            for (int i = 0; i < 50; i++) {
                queue.take("dead", WAIT);
            }
            redis.del(queue.aliveKey("dead"));
            CountDownLatch start = new CountDownLatch(1);
            int[] moved = new int[2];
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            List<Thread> requeuers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                int index = r;
                requeuers.add(new Thread(() -> {
                    try {
                        start.await();
                        moved[index] = queue.requeueExpired();
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }));
            }
            requeuers.forEach(Thread::start);
            start.countDown();
            joinAll(redis, requeuers);

            assertThat(errors).as("exceptions thrown by the two requeuers").isEmpty();
            List<String> requeued = new ArrayList<>(redis.lrange(name + ":pending", 0, -1));
            requeued.sort(null);
            jobs.sort(null);
            assertThat(requeued)
                    .as("LRANGE %s:pending (sorted) after two requeuers at once on a dead worker's 50 jobs", name)
                    .isEqualTo(jobs);
            assertThat(moved[0] + moved[1])
                    .as("the two requeueExpired() results added up, after they moved 50 jobs at once")
                    .isEqualTo(50);
            assertThat(redis.exists(name + ":processing:dead"))
                    .as("EXISTS %s:processing:dead after two requeuers at once", name)
                    .isFalse();
        }
    }

    @Hint("an acknowledgement proves the worker is alive: it renews the lease")
    @Test
    void anAckRenewsTheLease(RedisClient redis) {
        JobQueue queue = new JobQueue(redis, "jobs", LONG);
        queue.push("a");
        queue.push("b");
        queue.take("w1", WAIT);
        queue.take("w1", WAIT);
        redis.del("jobs:alive:w1"); // as if the lease had run out during a long job

        queue.ack("w1", "a");

        assertThat(queue.requeueExpired())
                .as("requeueExpired() after w1's lease was deleted, then w1 acknowledged a (it still holds b)")
                .isZero();
        assertThat(redis.lrange("jobs:processing:w1", 0, -1))
                .as("LRANGE jobs:processing:w1 after w1 acknowledged a and requeueExpired() ran")
                .containsExactly("b");
    }

    private static String at(int index, String operation, long seed, List<String> before) {
        return String.format("after operation #%d %s (seed %d); before it: %s", index, operation, seed, before);
    }

    private static Set<String> twiceOrMore(Map<String, Integer> counts) {
        Set<String> jobs = new TreeSet<>();
        counts.forEach((job, count) -> {
            if (count > 1) {
                jobs.add(job);
            }
        });
        return jobs;
    }

    /** Every order of the given workers (at most three: six orders). */
    private static List<List<String>> orders(List<String> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<String>> orders = new ArrayList<>();
        for (String first : new LinkedHashSet<>(items)) {
            List<String> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<String> tail : orders(rest)) {
                List<String> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                orders.add(order);
            }
        }
        return orders;
    }

    /** Joins the threads; one still blocked in a take that never gives up is unblocked first. */
    private static void joinAll(RedisClient redis, List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(2_000);
        }
        if (threads.stream().anyMatch(Thread::isAlive)) {
            BlockedTakes.unblockAll(redis);
            for (Thread thread : threads) {
                thread.join(BlockedTakes.BOUND.toMillis());
            }
        }
    }
}

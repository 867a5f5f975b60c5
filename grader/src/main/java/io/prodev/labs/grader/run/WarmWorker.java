package io.prodev.labs.grader.run;

import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.grader.runner.WorkerMain;
import io.prodev.labs.labkit.redis.RedisBackend;
import io.prodev.labs.labkit.redis.RedisBackendChoice;
import io.prodev.labs.labkit.redis.RedisServers;
import io.prodev.labs.labkit.redis.RunningRedis;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.RedisClient;

/**
 * One warm test JVM ({@link WorkerMain}) and the Redis server its submissions' tests use, emptied before
 * each submission. Used by one grading thread at a time.
 */
final class WarmWorker implements AutoCloseable {

    /** How long a new worker may take to say it is ready. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String ENDED = "abandon\tthe worker JVM ended";
    static final String TIME_LIMIT = "time-limit";

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final RunningRedis redis;
    private final RedisClient redisClient;
    private final Path log;
    private int runs;
    private boolean closed;

    /** What the worker said about one run; {@link #TIME_LIMIT} when it said nothing in time and was killed. */
    record Reply(String kind, String why) {

        /** The run's results stand, those it streamed before a kill at the time limit included. */
        boolean resultsStand() {
            return !kind.equals("abandon");
        }

        boolean timedOut() {
            return kind.equals(TIME_LIMIT);
        }

        /** The worker is ready for another submission. */
        boolean workerGoesOn() {
            return kind.equals("clean");
        }
    }

    /** Thrown when no worker can run here; the reason says why, and grading goes on with a JVM per submission. */
    static final class Unavailable extends Exception {
        Unavailable(String why) {
            super(why);
        }
    }

    private WarmWorker(Process process, RunningRedis redis, Path log) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.redis = redis;
        this.redisClient = redis == null ? null : RedisClient.create(redis.endpoint().uri());
        this.log = log;
        Thread reader = new Thread(this::readReplies, "warm-worker-replies-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static WarmWorker start(PreparedLab lab, RunLimits limits, Path dir) throws Unavailable {
        Path workspace = dir.resolve("sandbox");
        Path log = dir.resolve("worker.log");
        RunningRedis redis = null;
        WarmWorker worker;
        try {
            TestJvm.createWorkspace(workspace);
            redis = startRedis();
            List<Path> classpath = new ArrayList<>(List.of(lab.runnerClasses()));
            classpath.addAll(lab.classpath());
            List<String> command = TestJvm.command(limits, workspace, classpath, WorkerMain.class.getName(),
                    List.of(workspace.toString(), lab.testClasses().toString(), Long.toString(limits.perTest().toSeconds()),
                            Integer.toString(limits.outputBytes())));
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process process = TestJvm.start(builder, workspace,
                    redis == null ? Map.of() : Map.of("REDIS_URL", redis.endpoint().uri().toString()));
            worker = new WarmWorker(process, redis, log);
        } catch (IOException | RuntimeException e) {
            if (redis != null) {
                redis.close();
            }
            throw new Unavailable("a warm test JVM could not start: " + e);
        }
        worker.awaitReady();
        return worker;
    }

    /** Waits for the worker's first word; a worker that does not say "ready" is closed. */
    private void awaitReady() throws Unavailable {
        String hello;
        try {
            hello = replies.poll(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            hello = "interrupted";
        }
        if (!"ready".equals(hello)) {
            close();
            throw new Unavailable("unsandboxed".equals(hello)
                    ? "this JDK has no SecurityManager, and a warm JVM without the sandbox could let one submission reach the next"
                    : "a warm test JVM did not start (" + (hello == null ? "no answer" : hello) + "): " + TestJvm.logTail(log));
        }
    }

    /**
     * The tests' Redis, one per worker so that submissions running at the same time never share one. Without
     * it (no embedded binary for this platform) labkit starts one per submission, as in a fresh JVM.
     */
    private static RunningRedis startRedis() {
        try {
            return RedisServers.start(new RedisBackendChoice(RedisBackend.EMBEDDED, null, "a warm worker's own server"));
        } catch (RuntimeException noEmbeddedRedisHere) {
            return null;
        }
    }

    /** Runs every test against {@code classes}, writing events to {@code events}; kills the worker past {@code limit}. */
    Reply run(Path events, Path classes, Duration limit) {
        runs++;
        try {
            if (redisClient != null) {
                redisClient.flushAll(); // nothing one submission stored is there for the next
            }
            commands.write("run\t" + events + "\t" + classes + "\n");
            commands.flush();
            String reply = replies.poll(limit.toNanos(), TimeUnit.NANOSECONDS);
            if (reply == null) {
                close();
                return new Reply(TIME_LIMIT, "");
            }
            int tab = reply.indexOf('\t');
            return tab < 0 ? new Reply(reply, "") : new Reply(reply.substring(0, tab), reply.substring(tab + 1));
        } catch (IOException | RuntimeException e) {
            close();
            return new Reply("abandon", "the worker failed: " + e);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            return new Reply("abandon", "interrupted");
        }
    }

    int runs() {
        return runs;
    }

    private void readReplies() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                replies.add(line);
            }
        } catch (IOException ended) {
            // the worker is gone; the marker below says so
        }
        replies.add(ENDED);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        TestJvm.kill(process);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (redis != null) {
            redisClient.close();
            redis.close();
        }
    }
}

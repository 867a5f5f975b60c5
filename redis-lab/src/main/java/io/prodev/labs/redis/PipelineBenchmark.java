package io.prodev.labs.redis;

import io.prodev.labs.labkit.redis.RedisBackendChoice;
import io.prodev.labs.labkit.redis.RedisBackendChooser;
import io.prodev.labs.labkit.redis.RedisEndpoint;
import io.prodev.labs.labkit.redis.RedisServers;
import io.prodev.labs.labkit.redis.RunningRedis;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Task 8's benchmark (given, not to edit): loads the same keys through {@link BulkLoad#loadOneByOne} and
 * {@link BulkLoad#loadPipelined} on one server in one run, prints the operations per second of each and their
 * ratio against the target (pipelined at least 50 times one by one), and, where {@code redis-benchmark} is on the
 * PATH, its figures for the same server beside them.
 *
 * <p>Run it with {@code ./mvnw -q -pl redis-lab compile exec:java
 * -Dexec.mainClass=io.prodev.labs.redis.PipelineBenchmark}. The server is the one REDIS_URL names, else one it
 * starts for the run, as the demo does. Both sides share this machine's cores, so quote the ratio, measured in one
 * run, rather than either figure alone.
 */
public final class PipelineBenchmark {

    private static final int KEYS = 20_000;
    private static final int RUNS = 5;
    /** Pipelined runs per one-by-one run: each takes milliseconds, so more of them cost little and steady the median. */
    private static final int PIPELINED_PER_RUN = 3;

    private static final int WARM_UP_KEYS = 2_000;
    private static final int WARM_UP_RUNS = 3;
    /** The pipelined path has more code for the JIT to compile than one SET: warm it up on the full size too. */
    private static final int PIPELINED_WARM_UP_RUNS = 20;

    private static final double TARGET = 50;

    private PipelineBenchmark() {}

    public static void main(String[] args) {
        RedisBackendChoice choice = RedisBackendChooser.choose(System.getenv(), RedisServers::dockerAvailable);
        try (RunningRedis server = RedisServers.start(choice);
                RedisClient redis = RedisClient.create(server.endpoint().uri())) {
            System.out.println("Redis: " + server.description());
            System.out.printf(
                    Locale.ROOT,
                    "Loading %,d keys: %d runs one by one, %d pipelined (medians), after warm-up runs%n",
                    KEYS,
                    RUNS,
                    RUNS * PIPELINED_PER_RUN);
            Map<String, String> warmUp = entries(WARM_UP_KEYS);
            for (int i = 0; i < WARM_UP_RUNS; i++) {
                time(redis, BulkLoad::loadOneByOne, warmUp);
                time(redis, BulkLoad::loadPipelined, warmUp);
            }
            Map<String, String> entries = entries(KEYS);
            for (int i = 0; i < PIPELINED_WARM_UP_RUNS; i++) {
                time(redis, BulkLoad::loadPipelined, entries);
            }
            double[] oneByOne = new double[RUNS];
            double[] pipelined = new double[RUNS * PIPELINED_PER_RUN];
            for (int run = 0; run < RUNS; run++) { // the two take turns, so a disturbance hits both alike
                oneByOne[run] = KEYS / time(redis, BulkLoad::loadOneByOne, entries);
                for (int i = 0; i < PIPELINED_PER_RUN; i++) {
                    pipelined[run * PIPELINED_PER_RUN + i] = KEYS / time(redis, BulkLoad::loadPipelined, entries);
                }
            }
            redis.flushDB();
            double slow = median(oneByOne);
            double fast = median(pipelined);
            double ratio = fast / slow;
            System.out.printf(Locale.ROOT, "  one by one: %,12.0f ops/s%n", slow);
            System.out.printf(Locale.ROOT, "  pipelined:  %,12.0f ops/s%n", fast);
            System.out.printf(
                    Locale.ROOT,
                    "  pipelined / one by one: %.1fx (target: at least %.0fx): %s%n",
                    ratio,
                    TARGET,
                    ratio >= TARGET
                            ? "met"
                            : String.format(Locale.ROOT, "MISSED by %.0f%%", 100 * (1 - ratio / TARGET)));
            redisBenchmark(server.endpoint());
        } catch (UnsupportedOperationException e) {
            System.out.println(e.getMessage());
            System.exit(1);
        }
    }

    private static Map<String, String> entries(int count) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            entries.put("bench:" + i, "listing " + i + ", Addis Ababa");
        }
        return entries;
    }

    /** Seconds one load of {@code entries} takes, into an emptied database. */
    private static double time(
            RedisClient redis, BiConsumer<UnifiedJedis, Map<String, String>> load, Map<String, String> entries) {
        redis.flushDB();
        long start = System.nanoTime();
        load.accept(redis, entries);
        double seconds = (System.nanoTime() - start) / 1e9;
        long stored = redis.dbSize();
        if (stored != entries.size()) {
            throw new IllegalStateException("a load of " + entries.size() + " keys left " + stored + " keys");
        }
        return seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** redis-benchmark's SET figures for the same server, where the tool is installed. */
    private static void redisBenchmark(RedisEndpoint endpoint) {
        Optional<Path> tool = onPath("redis-benchmark");
        if (tool.isEmpty()) {
            System.out.println("redis-benchmark: not on PATH, no figures to compare");
            return;
        }
        System.out.println("redis-benchmark on the same server (SET, its own keys):");
        runBenchmark(
                tool.get(), endpoint, "1 client, 1 command per round trip (as one by one)", "-c", "1", "-n", "20000");
        runBenchmark(tool.get(), endpoint, "50 clients, 1 command per round trip", "-n", "100000");
        runBenchmark(tool.get(), endpoint, "50 clients, pipelines of 16 (-P 16)", "-n", "100000", "-P", "16");
    }

    private static void runBenchmark(Path tool, RedisEndpoint endpoint, String label, String... options) {
        List<String> command = new ArrayList<>(List.of(
                tool.toString(),
                "-h",
                endpoint.host(),
                "-p",
                String.valueOf(endpoint.port()),
                "--dbnum",
                String.valueOf(endpoint.database()),
                "-t",
                "set",
                "-q"));
        if (endpoint.userInfo() != null) {
            String[] user = endpoint.userInfo().split(":", 2);
            if (!user[0].isEmpty()) {
                command.addAll(List.of("--user", user[0]));
            }
            if (user.length == 2) {
                command.addAll(List.of("-a", user[1], "--no-auth-warning"));
            }
        }
        command.addAll(List.of(options));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                System.out.println("  " + label + ": timed out");
                return;
            }
            // -q rewrites its progress line with \r; the figure is the last line that has one
            String figure = "no figure in its output";
            for (String line : new String(output, StandardCharsets.UTF_8).split("[\r\n]+")) {
                if (line.contains("requests per second")) {
                    figure = line.trim();
                }
            }
            System.out.printf("  %-52s %s%n", label + ":", figure);
        } catch (IOException e) {
            System.out.println("  " + label + ": could not run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .map(folder -> Path.of(folder, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}

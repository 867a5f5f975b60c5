package io.prodev.labs.caching;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.IntFunction;

/**
 * Checks by timing the claim that every {@code get} and {@code put} is O(1), without trusting any absolute
 * figure: the same mix of operations runs at {@value #SMALL} keys per cache and at {@value #LARGE} (16 times
 * more), and only the ratio of the two times per operation is judged. With O(1) operations it stays near 1;
 * an operation that walks through the keys takes 16 times longer on the larger cache. Measured on a loaded 2-core
 * machine: 0.6 to 1.1 for the reference caches; 5.3 to 16 for caches that scan their keys (LinkedList moves, an
 * LFU that looks for the lowest count), 9.6 to 23 in the grader's JVMs (C1 only, serial GC).
 *
 * <ul>
 *   <li><b>The same memory on both sides.</b> The {@value #SMALL}-key side is 16 caches of {@value #SMALL} keys,
 *       each operation on one of them drawn at random; the other side is one cache of {@value #LARGE} keys.
 *       Both hold {@value #LARGE} entries and touch them in the same random way, so they miss the processor's
 *       caches alike and only the size of the cache an operation works on differs. (Timing one small cache
 *       against one large cache instead measures the memory hierarchy: a correct LRU then comes out 2 to 5
 *       times slower on the large one.)</li>
 *   <li><b>Warm-up first</b>: untimed runs of both sides, so the JIT has compiled the cache's code before
 *       anything is timed.</li>
 *   <li><b>CPU time of the test thread</b>, not wall time: while another process or a garbage collection holds
 *       the core, the thread's clock stops.</li>
 *   <li><b>Best of several runs per side, the two sides taking turns</b>: a disturbance only ever makes a run
 *       slower, so the fastest run of each side is the least disturbed one.</li>
 *   <li><b>Longer only when needed</b>: a first, short attempt (a few warm-up runs, best of
 *       {@value #FIRST_MEASURED_RUNS}) settles almost every correct cache in a few milliseconds. Only a ratio over
 *       the limit earns more attempts, each with a settled heap, a longer warm-up and more runs; the check fails
 *       only if every attempt does. A correct cache that met a disturbance in the first attempt passes in a later
 *       one; a cache that scans its keys fails them all, as each attempt measures the same growth.</li>
 *   <li><b>A ratio, not a time</b>: a slow or loaded machine slows both sides alike. The limit,
 *       {@value #MAX_RATIO}, is 2.7 times the most a correct cache reached and well under what a scan costs.</li>
 *   <li>Each run stops after {@value #RUN_BUDGET_MILLIS} ms, whatever it did by then, so a cache that scans fails
 *       in a second or two instead of running into the test's time limit.</li>
 * </ul>
 */
final class ScalingCheck {

    static final int SMALL = 2_500;
    static final int LARGE = 16 * SMALL;
    /** The most the time per operation may grow from {@link #SMALL} to {@link #LARGE} keys per cache. */
    static final double MAX_RATIO = 3.0;

    private static final int OPERATIONS_PER_RUN = 5_000;
    private static final int CHUNK = 500;
    private static final int FIRST_MEASURED_RUNS = 3;
    /** Per attempt: the least warm-up time before it measures, and how many runs of each side it measures. */
    private static final long[] WARM_UP_MILLIS = {0, 100, 300};

    private static final int[] MEASURED_RUNS = {FIRST_MEASURED_RUNS, 6, 10};
    private static final int MIN_WARM_UP_RUNS = 3;
    private static final long RUN_BUDGET_MILLIS = 50;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    /** Made once: a run times the cache, not string building. Both sides use all of them. */
    private static final String[] KEYS = new String[4 * LARGE];

    static {
        for (int i = 0; i < KEYS.length; i++) {
            KEYS[i] = "K" + i;
        }
    }

    /** Keeps get's results alive, so the JIT cannot drop a get whose result is unused. */
    @SuppressWarnings("unused")
    private static volatile long sink;

    private ScalingCheck() {}

    /** The best time per operation of each side. */
    record Result(double smallNanosPerOperation, double largeNanosPerOperation) {
        double ratio() {
            return largeNanosPerOperation / smallNanosPerOperation;
        }
    }

    /**
     * Measures how the time per get and put grows from {@link #SMALL} to {@link #LARGE} keys per cache: attempts
     * until one comes under {@link #MAX_RATIO}, and returns the best attempt.
     */
    static Result measure(IntFunction<BaseCaching> newCache) {
        Workload small = new Workload(newCache, SMALL, LARGE / SMALL);
        Workload large = new Workload(newCache, LARGE, 1);
        Result best = null;
        for (int attempt = 0; attempt < MEASURED_RUNS.length; attempt++) {
            if (attempt > 0) {
                // Settle the heap: a collection during a run would move the caches' objects about.
                System.gc();
            }
            Result result = attempt(small, large, WARM_UP_MILLIS[attempt], MEASURED_RUNS[attempt]);
            if (best == null || result.ratio() < best.ratio()) {
                best = result;
            }
            if (best.ratio() < MAX_RATIO) {
                break;
            }
        }
        sink = small.hits + large.hits;
        return best;
    }

    private static Result attempt(Workload small, Workload large, long warmUpMillis, int measuredRuns) {
        long warmUpEnd = System.nanoTime() + warmUpMillis * 1_000_000;
        for (int i = 0; i < MIN_WARM_UP_RUNS || System.nanoTime() < warmUpEnd; i++) {
            small.nanosPerOperation();
            large.nanosPerOperation();
        }
        double bestSmall = Double.MAX_VALUE;
        double bestLarge = Double.MAX_VALUE;
        for (int i = 0; i < measuredRuns; i++) {
            bestSmall = Math.min(bestSmall, small.nanosPerOperation());
            bestLarge = Math.min(bestLarge, large.nanosPerOperation());
        }
        return new Result(bestSmall, bestLarge);
    }

    /**
     * Asserts that caches made by {@code newCache} (given a capacity, printing nowhere) keep their time per
     * operation when they hold 16 times more keys.
     */
    static void assertConstantTimePerOperation(String cacheName, IntFunction<BaseCaching> newCache) {
        Result result = measure(newCache);
        assertThat(result.ratio())
                .as(
                        "time per get/put with %,d keys per %s divided by that with %,d keys (best of %d attempts: "
                                + "%.0f ns and %.0f ns); O(1) operations keep it near 1, a scan of the keys "
                                + "makes it 5 or more",
                        LARGE,
                        cacheName,
                        SMALL,
                        MEASURED_RUNS.length,
                        result.largeNanosPerOperation(),
                        result.smallNanosPerOperation())
                .isLessThan(MAX_RATIO);
    }

    private static long cpuOrWallTime() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /**
     * {@code count} caches of {@code capacity} keys each, filled, and the same mix of operations for any size,
     * each on one of the caches drawn at random, in turn: a put of a new key (which evicts one), a get of a
     * recently put key, a get of one of the first keys put, and an update, of a recently put key or of one of
     * the first keys. Which of them hit depends on the policy; every policy evicts on at least a quarter.
     */
    private static final class Workload {
        private final BaseCaching[] caches;
        private final int capacity;
        private final int keysPerCache;
        private final int[] nextNewKey;
        private int step;
        private long random = 0x9E3779B97F4A7C15L;
        long hits;

        Workload(IntFunction<BaseCaching> newCache, int capacity, int count) {
            this.caches = new BaseCaching[count];
            this.capacity = capacity;
            this.keysPerCache = 4 * capacity;
            this.nextNewKey = new int[count];
            for (int c = 0; c < count; c++) {
                caches[c] = newCache.apply(capacity);
                for (int i = 0; i < capacity; i++) {
                    caches[c].put(key(c, i), key(c, i));
                }
                nextNewKey[c] = capacity;
            }
        }

        /** Key i of cache c: each cache has keys of its own. */
        private String key(int c, int i) {
            return KEYS[c * keysPerCache + i];
        }

        /** Runs up to {@link #OPERATIONS_PER_RUN} operations, for at most the run budget. */
        double nanosPerOperation() {
            long budgetEnd = System.nanoTime() + RUN_BUDGET_MILLIS * 1_000_000;
            long start = cpuOrWallTime();
            int done = 0;
            do {
                for (int i = 0; i < CHUNK; i++) {
                    operate();
                }
                done += CHUNK;
            } while (done < OPERATIONS_PER_RUN && System.nanoTime() < budgetEnd);
            return (double) (cpuOrWallTime() - start) / done;
        }

        private void operate() {
            int c = randomBelow(caches.length);
            BaseCaching cache = caches[c];
            switch (step++ & 3) {
                case 0 -> {
                    String key = key(c, nextNewKey[c]);
                    nextNewKey[c] = (nextNewKey[c] + 1) % keysPerCache;
                    cache.put(key, key);
                }
                case 1 -> count(cache.get(key(c, recentKey(c))));
                case 2 -> count(cache.get(key(c, randomBelow(capacity))));
                default -> {
                    String key = key(c, (step & 4) == 0 ? recentKey(c) : randomBelow(capacity));
                    cache.put(key, key);
                }
            }
        }

        /** One of the last capacity/2 keys put into cache c. */
        private int recentKey(int c) {
            return Math.floorMod(nextNewKey[c] - 1 - randomBelow(capacity / 2), keysPerCache);
        }

        private void count(Object item) {
            if (item != null) {
                hits++;
            }
        }

        /** xorshift64: cheap enough not to blur what is timed. */
        private int randomBelow(int bound) {
            random ^= random << 13;
            random ^= random >>> 7;
            random ^= random << 17;
            return (int) Long.remainderUnsigned(random, bound);
        }
    }
}

package io.prodev.labs.caching.bench;

import io.prodev.labs.caching.workload.ZipfKeys;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-threaded throughput of cache-aside reads ({@code get}, and {@code put} on a miss) on a
 * Zipf stream, for each {@link Contender}. Run through {@link BenchMain}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// First touches of heap pages are slow in this kind of VM: size the heap up front and touch it all.
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class CacheThroughputBenchmark {

    static final int DISTINCT_KEYS = 100_000;
    static final double ZIPF_EXPONENT = 0.99;
    static final long SEED = 42;
    // A power of two, so the next request is found with a mask instead of a modulo.
    static final int REQUESTS = 1 << 20;

    @Param({"LRU_CACHE", "LFU_CACHE", "CAFFEINE", "LINKED_HASH_MAP"})
    public Contender contender;

    @Param({"1000", "10000"})
    public int capacity;

    private KeyValueCache cache;
    private String[] requests;
    private int next;

    /** The request stream every contender sees. */
    static String[] requests() {
        return new ZipfKeys(DISTINCT_KEYS, ZIPF_EXPONENT, SEED).next(REQUESTS);
    }

    @Setup
    public void setUp() {
        requests = requests();
        cache = contender.create(capacity);
        // Fill the cache first, so every iteration measures the steady state with evictions.
        for (int i = 0; i < REQUESTS; i++) {
            readThrough();
        }
    }

    @Benchmark
    public Object readThrough() {
        String key = requests[next++ & (REQUESTS - 1)];
        Object value = cache.get(key);
        if (value == null) {
            value = key;
            cache.put(key, value);
        }
        return value;
    }
}

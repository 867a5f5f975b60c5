package io.prodev.labs.caching.bench;

import io.prodev.labs.caching.workload.HitRatio;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link CacheThroughputBenchmark} with JMH, then prints one table of throughput and hit ratio
 * per contender and capacity. The hit ratios come from replaying the same request stream once,
 * outside any measurement.
 *
 * <p>Run it with {@code ./mvnw -q -pl caching-lab -am -Pbench verify -DskipTests}.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                        .include(CacheThroughputBenchmark.class.getSimpleName())
                        .build())
                .run();

        String[] requests = CacheThroughputBenchmark.requests();
        System.out.printf(
                "%nCache-aside reads on %,d requests over %,d keys (Zipf %.2f), one thread:%n",
                requests.length, CacheThroughputBenchmark.DISTINCT_KEYS, CacheThroughputBenchmark.ZIPF_EXPONENT);
        System.out.printf("%-16s %9s %14s %14s %10s%n", "contender", "capacity", "ops/s", "± (99.9%)", "hit ratio");
        for (RunResult result : results) {
            Contender contender = Contender.valueOf(result.getParams().getParam("contender"));
            int capacity = Integer.parseInt(result.getParams().getParam("capacity"));
            KeyValueCache cache = contender.create(capacity);
            System.out.printf(
                    "%-16s %,9d %,14.0f %,14.0f %10.3f%n",
                    contender,
                    capacity,
                    result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getScoreError(),
                    HitRatio.replay(cache::get, cache::put, requests));
        }
    }
}

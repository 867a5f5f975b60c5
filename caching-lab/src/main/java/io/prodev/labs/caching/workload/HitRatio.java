package io.prodev.labs.caching.workload;

import io.prodev.labs.caching.BaseCaching;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Replays requests on a cache the way cache-aside code uses one: {@code get}, and on a miss load the
 * item and {@code put} it. The share of requests answered by {@code get} is the hit ratio.
 */
public final class HitRatio {

    private HitRatio() {}

    /**
     * @param cache    the cache to replay on; give it a silent sink, or every miss in a full cache prints a line
     * @param requests the keys requested, in order
     * @return hits divided by requests, or 0 when there are no requests
     */
    public static double replay(BaseCaching cache, String[] requests) {
        return replay(cache::get, cache::put, requests);
    }

    /**
     * The same replay for any cache given by its two calls (the benchmark's contenders include caches
     * that are not a {@link BaseCaching}): a miss puts the key, as cache-aside reads do.
     */
    public static double replay(Function<String, Object> get, BiConsumer<String, Object> put, String[] requests) {
        long hits = 0;
        for (String key : requests) {
            if (get.apply(key) != null) {
                hits++;
            } else {
                put.accept(key, key);
            }
        }
        return requests.length == 0 ? 0 : (double) hits / requests.length;
    }
}

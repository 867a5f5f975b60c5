package io.prodev.labs.caching.workload;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A repeatable stream of keys whose popularity follows Zipf's law: the key of rank {@code r} is
 * requested with probability proportional to {@code 1 / r^exponent}. A few keys are hot and a long
 * tail is cold, which is how requests for web pages, products or DNS names tend to look, and why a
 * small cache can serve most of them.
 *
 * <p>The same arguments always give the same stream, so hit ratios measured on it are reproducible.
 */
public final class ZipfKeys {

    private final String[] keysByRank;
    // cumulative[i] is the probability of drawing one of the i + 1 most popular keys.
    private final double[] cumulative;
    private final SplittableRandom random;

    /**
     * @param distinctKeys how many different keys the stream uses, at least 1; they are named
     *                     {@code key-1} (the most popular) to {@code key-<distinctKeys>}
     * @param exponent     the skew, a finite number of at least 0: 0 is uniform, about 1 is typical of the web
     * @param seed         the random seed; the same seed gives the same stream
     * @throws IllegalArgumentException naming the value, when {@code distinctKeys} or {@code exponent} is out of range
     */
    public ZipfKeys(int distinctKeys, double exponent, long seed) {
        if (distinctKeys < 1) {
            throw new IllegalArgumentException("distinctKeys must be at least 1, got: " + distinctKeys);
        }
        if (!(exponent >= 0) || Double.isInfinite(exponent)) {
            throw new IllegalArgumentException("exponent must be a finite number of at least 0, got: " + exponent);
        }
        keysByRank = new String[distinctKeys];
        cumulative = new double[distinctKeys];
        double total = 0;
        for (int rank = 1; rank <= distinctKeys; rank++) {
            keysByRank[rank - 1] = "key-" + rank;
            total += 1 / Math.pow(rank, exponent);
            cumulative[rank - 1] = total;
        }
        for (int i = 0; i < distinctKeys; i++) {
            cumulative[i] /= total;
        }
        // Rounding may leave the last sum a hair below 1; pin it so every draw lands on a key.
        cumulative[distinctKeys - 1] = 1.0;
        random = new SplittableRandom(seed);
    }

    /** The next key of the stream. The same key is always the same String instance. */
    public String next() {
        double draw = random.nextDouble();
        int found = Arrays.binarySearch(cumulative, draw);
        // The drawn key is the first whose cumulative probability exceeds the draw.
        int index = found >= 0 ? found + 1 : -found - 1;
        return keysByRank[index];
    }

    /**
     * The next {@code count} keys of the stream.
     *
     * @throws IllegalArgumentException naming the value, when {@code count} is negative
     */
    public String[] next(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got: " + count);
        }
        String[] keys = new String[count];
        for (int i = 0; i < count; i++) {
            keys[i] = next();
        }
        return keys;
    }

    /** How many different keys the stream draws from. */
    public int distinctKeys() {
        return keysByRank.length;
    }
}

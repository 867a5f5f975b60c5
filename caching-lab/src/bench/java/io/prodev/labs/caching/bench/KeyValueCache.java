package io.prodev.labs.caching.bench;

/** The two calls the benchmark makes, so every contender is driven by the same code. */
public interface KeyValueCache {

    Object get(String key);

    void put(String key, Object value);
}

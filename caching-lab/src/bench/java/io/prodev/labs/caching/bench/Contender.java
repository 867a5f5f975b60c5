package io.prodev.labs.caching.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.prodev.labs.caching.BaseCaching;
import io.prodev.labs.caching.LFUCache;
import io.prodev.labs.caching.LRUCache;
import java.util.LinkedHashMap;
import java.util.Map;

/** The caches the benchmark compares, each bounded to the same number of entries. */
public enum Contender {

    /** This lab's LRUCache: a hash map and a hand-made doubly linked list. */
    LRU_CACHE {
        @Override
        KeyValueCache create(int capacity) {
            return adapt(new LRUCache(capacity, BaseCaching.SILENT));
        }
    },

    /** This lab's LFUCache: a hash map and frequency buckets. */
    LFU_CACHE {
        @Override
        KeyValueCache create(int capacity) {
            return adapt(new LFUCache(capacity, BaseCaching.SILENT));
        }
    },

    /** Caffeine (Window TinyLFU), kept on the calling thread so the figure is single-threaded. */
    CAFFEINE {
        @Override
        KeyValueCache create(int capacity) {
            Cache<String, Object> cache = Caffeine.newBuilder()
                    .maximumSize(capacity)
                    .executor(Runnable::run)
                    .build();
            return new KeyValueCache() {
                @Override
                public Object get(String key) {
                    return cache.getIfPresent(key);
                }

                @Override
                public void put(String key, Object value) {
                    cache.put(key, value);
                }
            };
        }
    },

    /** The JDK's LinkedHashMap in access order: the textbook LRU in ten lines. */
    LINKED_HASH_MAP {
        @Override
        KeyValueCache create(int capacity) {
            Map<String, Object> lru = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                    return size() > capacity;
                }
            };
            return new KeyValueCache() {
                @Override
                public Object get(String key) {
                    return lru.get(key);
                }

                @Override
                public void put(String key, Object value) {
                    lru.put(key, value);
                }
            };
        }
    };

    abstract KeyValueCache create(int capacity);

    private static KeyValueCache adapt(BaseCaching cache) {
        return new KeyValueCache() {
            @Override
            public Object get(String key) {
                return cache.get(key);
            }

            @Override
            public void put(String key, Object value) {
                cache.put(key, value);
            }
        };
    }
}

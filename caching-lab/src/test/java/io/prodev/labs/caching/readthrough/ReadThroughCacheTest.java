package io.prodev.labs.caching.readthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Task("6")
class ReadThroughCacheTest {

    private static final Duration TTL = Duration.ofMinutes(5);

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicInteger loads = new AtomicInteger();

    private ReadThroughCache<String, String> cacheLoading(java.util.function.Function<String, String> loader) {
        return new ReadThroughCache<>(
                key -> {
                    loads.incrementAndGet();
                    return loader.apply(key);
                },
                TTL,
                clock);
    }

    @Test
    void loadsOnFirstGetAndServesTheCachedValueWithinTheTtl() {
        ReadThroughCache<String, String> cache = cacheLoading(key -> "value of " + key);

        assertThat(cache.get("a"))
                .as("first get(\"a\") returns the loader's value")
                .isEqualTo("value of a");
        clock.advance(TTL.minusSeconds(1));
        assertThat(cache.get("a")).as("get(\"a\") 1 s before the TTL ends").isEqualTo("value of a");
        assertThat(loads)
                .as("loader calls after two gets of one key within the TTL")
                .hasValue(1);
    }

    @Test
    void reloadsOnceTheTtlHasPassed() {
        ReadThroughCache<String, String> cache = cacheLoading(key -> "load " + loads.get());

        assertThat(cache.get("a")).isEqualTo("load 1");
        clock.advance(TTL);
        assertThat(cache.get("a"))
                .as("get(\"a\") exactly one TTL after it was loaded must reload it")
                .isEqualTo("load 2");
        assertThat(cache.get("a"))
                .as("get(\"a\") right after the reload is served from the cache")
                .isEqualTo("load 2");
        assertThat(loads).as("loader calls: one load, one reload after expiry").hasValue(2);
    }

    @Test
    void cachesEachKeyOnItsOwn() {
        ReadThroughCache<String, String> cache = cacheLoading(String::toUpperCase);

        assertThat(cache.get("a")).isEqualTo("A");
        assertThat(cache.get("b")).isEqualTo("B");
        assertThat(cache.get("a")).isEqualTo("A");
        assertThat(loads).as("loader calls for gets of a, b, a").hasValue(2);
    }

    @Test
    void doesNotCacheALoaderFailure() {
        ReadThroughCache<String, String> cache = cacheLoading(key -> {
            if (loads.get() == 1) {
                throw new IllegalStateException("database is down");
            }
            return "fresh";
        });

        assertThatThrownBy(() -> cache.get("a"))
                .as("get(\"a\") while the loader throws must throw the loader's own exception, not a wrapper")
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("database is down");
        assertThat(cache.get("a"))
                .as("get(\"a\") after a failed load must call the loader again")
                .isEqualTo("fresh");
        assertThat(loads).hasValue(2);
    }

    @Test
    void returnsNullWhenTheLoaderFindsNothingAndDoesNotCacheIt() {
        ReadThroughCache<String, String> cache = cacheLoading(key -> null);

        assertThat(cache.get("missing"))
                .as("get of a key the loader returns null for")
                .isNull();
        assertThat(cache.get("missing")).isNull();
        assertThat(loads)
                .as("loader calls for two gets of a key it returns null for (null is not cached)")
                .hasValue(2);
    }

    @ParameterizedTest(name = "ttl {0} s is rejected")
    @ValueSource(longs = {0, -1, -3600})
    void rejectsATtlOfZeroOrLess(long seconds) {
        Duration ttl = Duration.ofSeconds(seconds);

        assertThatThrownBy(() -> new ReadThroughCache<String, String>(key -> key, ttl, clock))
                .as("new ReadThroughCache(loader, %s, clock) must be rejected, naming the bad TTL", ttl)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ttl.toString());
    }
}

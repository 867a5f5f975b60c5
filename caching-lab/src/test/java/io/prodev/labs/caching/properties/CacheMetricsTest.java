package io.prodev.labs.caching.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.RedisTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

@Task("7")
@RedisTest
class CacheMetricsTest {

    private static final String INFO_STATS = String.join(
            "\r\n",
            "# Stats",
            "total_connections_received:12",
            "keyspace_hits:30",
            "keyspace_misses:10",
            "pubsub_channels:0",
            "");

    @TempDir
    Path dir;

    @Test
    void readsHitsAndMissesFromInfoStats() {
        CacheMetrics metrics = CacheMetrics.parse(INFO_STATS);

        assertThat(metrics.hits()).as("hits read from 'keyspace_hits:30'").isEqualTo(30);
        assertThat(metrics.misses()).as("misses read from 'keyspace_misses:10'").isEqualTo(10);
        assertThat(metrics.lookups()).as("lookups for 30 hits and 10 misses").isEqualTo(40);
        assertThat(metrics.hitRatio()).as("hit ratio for 30 hits and 10 misses").isCloseTo(0.75, within(1e-9));
    }

    @Test
    void hitRatioIsZeroWhenThereWereNoLookups() {
        assertThat(new CacheMetrics(0, 0).hitRatio())
                .as("hit ratio of 0 hits and 0 misses")
                .isZero();
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource({"keyspace_hits, keyspace_misses:3", "keyspace_misses, keyspace_hits:30"})
    void rejectsInfoTextWithoutTheCounters(String missing, String present) {
        assertThatThrownBy(() -> CacheMetrics.parse("# Stats\r\n" + present + "\r\n"))
                .as("parsing INFO text that has a %s line but no %s line", present, missing)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing);
    }

    @Test
    void rejectsNegativeCountsNamingThem() {
        assertThatThrownBy(() -> new CacheMetrics(-1, 0))
                .as("new CacheMetrics(-1, 0) must be rejected, naming -1")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    /** INFO counters are server-wide: start from zero so that only this test's lookups count. */
    @Test
    void countsOneMissThenOneHitForTwoReadsOfTheCachedList(RedisClient redis) {
        PropertyService service = new PropertyService(new PropertyRepository(dir.resolve("listings.db")), redis);
        redis.executeCommand(new CommandArguments(Protocol.Command.CONFIG).add(Protocol.Keyword.RESETSTAT));

        service.getAllProperties();
        service.getAllProperties();
        CacheMetrics metrics = CacheMetrics.from(redis);

        assertThat(metrics.misses())
                .as("misses after CONFIG RESETSTAT and two getAllProperties()")
                .isEqualTo(1);
        assertThat(metrics.hits())
                .as("hits after CONFIG RESETSTAT and two getAllProperties()")
                .isEqualTo(1);
        assertThat(metrics.hitRatio()).as("hit ratio for 1 hit and 1 miss").isCloseTo(0.5, within(1e-9));
    }
}

package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.RedisTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

@Task("8")
@Hidden
@RedisTest
class BulkLoadHiddenTest {

    @Hint("a map larger than one batch must be stored whole: the last, partial batch too")
    @Test
    void manyBatchesAreAllStored(RedisClient redis) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < 2_345; i++) {
            entries.put("item:" + i, "v" + i * 7);
        }

        BulkLoad.loadPipelined(redis, entries);

        assertThat(redis.dbSize())
                .as("DBSIZE after loadPipelined of 2345 entries")
                .isEqualTo(2_345);
        assertThat(redis.get("item:2344"))
                .as("GET item:2344, the last of 2345 entries")
                .isEqualTo("v16408");
        assertThat(redis.get("item:0"))
                .as("GET item:0, the first of 2345 entries")
                .isEqualTo("v0");
    }

    @Hint("a pipeline sends many commands before it reads their replies: thousands of SETs, a few round trips")
    @Test
    void aLargeLoadStillTakesFewRoundTrips(RedisClient redis) {
        Map<String, String> entries = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            entries.put("k" + i, "v");
        }

        long reads = ServerReads.during(redis, () -> BulkLoad.loadPipelined(redis, entries));

        assertThat(redis.dbSize())
                .as("DBSIZE after loadPipelined of 5000 entries")
                .isEqualTo(5_000);
        assertThat(reads)
                .as("socket reads Redis made for loadPipelined of 5000 entries (pipelined: under 250)")
                .isLessThan(250);
    }

    /** Random maps, overlapping keys, loaded one way or the other in turn; the model is one map of everything. */
    @Hint("each load stores every entry of its map, over what was there, and touches no other key")
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void randomLoadsMatchAModel(long seed, RedisClient redis) {
        Random random = new Random(seed);
        Map<String, String> model = new HashMap<>();
        List<String> done = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Map<String, String> entries = new LinkedHashMap<>();
            int size = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(1_500);
            for (int k = 0; k < size; k++) {
                entries.put("k" + random.nextInt(2_000), "v" + i + " é " + k);
            }
            // one round trip per entry is slow: long maps always go through the pipeline
            boolean pipelined = entries.size() > 50 || random.nextBoolean();
            String operation = (pipelined ? "loadPipelined" : "loadOneByOne") + " of " + entries.size();
            done.add(operation);
            if (pipelined) {
                BulkLoad.loadPipelined(redis, entries);
            } else {
                BulkLoad.loadOneByOne(redis, entries);
            }
            model.putAll(entries);

            List<String> keys = new ArrayList<>(model.keySet());
            assertThat(redis.mget(keys.toArray(String[]::new)))
                    .as("values after operation %d, %s (seed %d; so far: %s)", i, operation, seed, done)
                    .isEqualTo(keys.stream().map(model::get).toList());
            assertThat(redis.dbSize())
                    .as("DBSIZE after operation %d, %s (seed %d; so far: %s)", i, operation, seed, done)
                    .isEqualTo(model.size());
        }
    }
}

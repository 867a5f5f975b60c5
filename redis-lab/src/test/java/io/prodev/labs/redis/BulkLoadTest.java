package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.RedisTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

@Task("8")
@RedisTest
class BulkLoadTest {

    private RedisClient redis;

    @BeforeEach
    void setUp(RedisClient redis) {
        this.redis = redis;
    }

    /** Keys and values a loader must store exactly: spaces, line breaks, non-ASCII text, an empty value. */
    private static Map<String, String> awkwardEntries() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("city:1", "Addis Ababa");
        entries.put("city:2", "አዲስ አበባ");
        entries.put("key with spaces", "line one\r\nline two");
        entries.put("emoji:☕", "\uD83D\uDE80 rocket");
        entries.put("empty", "");
        return entries;
    }

    private static Map<String, String> numbered(int count) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            entries.put("key:" + i, "value " + i);
        }
        return entries;
    }

    private void assertStored(Map<String, String> entries, String what) {
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            assertThat(redis.get(entry.getKey()))
                    .as("GET %s after %s", CallRendering.render(entry.getKey()), what)
                    .isEqualTo(entry.getValue());
        }
        assertThat(redis.dbSize()).as("DBSIZE after %s", what).isEqualTo(entries.size());
    }

    @Test
    void loadOneByOneStoresEveryEntryExactly() {
        BulkLoad.loadOneByOne(redis, awkwardEntries());

        assertStored(awkwardEntries(), "loadOneByOne of 5 entries with spaces, CRLF, Amharic, an emoji, \"\"");
    }

    @Test
    void loadPipelinedStoresEveryEntryExactly() {
        BulkLoad.loadPipelined(redis, awkwardEntries());

        assertStored(awkwardEntries(), "loadPipelined of 5 entries with spaces, CRLF, Amharic, an emoji, \"\"");
    }

    @Test
    void bothLoadsOverwriteWhatIsThere() {
        redis.set("city:1", "old");
        redis.set("other", "kept");

        BulkLoad.loadOneByOne(redis, Map.of("city:1", "Gondar"));
        assertThat(redis.get("city:1"))
                .as("GET city:1 after loadOneByOne over \"old\"")
                .isEqualTo("Gondar");
        BulkLoad.loadPipelined(redis, Map.of("city:1", "Bahir Dar"));
        assertThat(redis.get("city:1"))
                .as("GET city:1 after loadPipelined over \"Gondar\"")
                .isEqualTo("Bahir Dar");
        assertThat(redis.get("other")).as("GET other, a key neither load named").isEqualTo("kept");
    }

    @Test
    void anEmptyMapStoresNothing() {
        BulkLoad.loadOneByOne(redis, Map.of());
        BulkLoad.loadPipelined(redis, Map.of());

        assertThat(redis.dbSize())
                .as("DBSIZE after loading an empty map both ways")
                .isZero();
    }

    @Test
    void loadOneByOneWaitsForEachReply() {
        Map<String, String> entries = numbered(200);

        long reads = ServerReads.during(redis, () -> BulkLoad.loadOneByOne(redis, entries));

        assertStored(entries, "loadOneByOne of 200 entries");
        assertThat(reads)
                .as("socket reads Redis made for loadOneByOne of 200 entries (one SET per round trip: 200 or more)")
                .isGreaterThanOrEqualTo(200);
    }

    @Test
    void loadPipelinedSendsManyCommandsPerRoundTrip() {
        Map<String, String> entries = numbered(1_000);

        long reads = ServerReads.during(redis, () -> BulkLoad.loadPipelined(redis, entries));

        assertStored(entries, "loadPipelined of 1000 entries");
        assertThat(reads)
                .as("socket reads Redis made for loadPipelined of 1000 entries (pipelined: under 50; "
                        + "one per SET would be 1000)")
                .isLessThan(50);
    }

    @Test
    void aNullMapKeyOrValueIsRejectedAndNothingIsStored() {
        Map<String, BiConsumer<UnifiedJedis, Map<String, String>>> loads = new LinkedHashMap<>();
        loads.put("loadOneByOne", BulkLoad::loadOneByOne);
        loads.put("loadPipelined", BulkLoad::loadPipelined);
        for (Map.Entry<String, BiConsumer<UnifiedJedis, Map<String, String>>> load : loads.entrySet()) {
            String name = load.getKey();
            Map<String, String> nullValue = new LinkedHashMap<>();
            nullValue.put("good", "1");
            nullValue.put("bad", null);
            Map<String, String> nullKey = new LinkedHashMap<>();
            nullKey.put("good", "1");
            nullKey.put(null, "2");

            assertThat(catchThrowable(() -> load.getValue().accept(redis, null)))
                    .as("%s(redis, null): an IllegalArgumentException naming null", name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("null");
            assertThat(catchThrowable(() -> load.getValue().accept(redis, nullValue)))
                    .as("%s of {good=1, bad=null}: an IllegalArgumentException naming bad and null", name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bad")
                    .hasMessageContaining("null");
            assertThat(catchThrowable(() -> load.getValue().accept(redis, nullKey)))
                    .as("%s of {good=1, null=2}: an IllegalArgumentException naming null", name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("null");
            assertThat(redis.exists("good"))
                    .as("EXISTS good after %s rejected maps that also held a null", name)
                    .isFalse();
        }
    }
}

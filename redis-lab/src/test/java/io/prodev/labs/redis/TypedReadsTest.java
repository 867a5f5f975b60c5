package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.RedisTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

@Task("1")
@RedisTest
class TypedReadsTest {

    private RedisClient redis;
    private Cache cache;

    @BeforeEach
    void setUp(RedisClient redis) {
        this.redis = redis;
        this.cache = new Cache(redis);
    }

    @Test
    void getConvertsTheStoredBytes() {
        redis.set("listing:1", "1250");

        Integer length = cache.get("listing:1", bytes -> bytes.length);

        assertThat(length)
                .as("get(\"listing:1\", bytes -> bytes.length) with \"1250\" stored")
                .isEqualTo(4);
    }

    @Test
    void aMissingKeyIsNullAndTheConversionIsNotCalled() {
        AtomicInteger calls = new AtomicInteger();

        Object value = cache.get("no such key", bytes -> calls.incrementAndGet());

        assertThat(value).as("get of a key that does not exist").isNull();
        assertThat(calls.get())
                .as("calls of the conversion for a key that does not exist")
                .isZero();
    }

    @Test
    void getStrReadsUtf8() {
        redis.set("city".getBytes(StandardCharsets.UTF_8), "Hawassa ✓".getBytes(StandardCharsets.UTF_8));

        assertThat(cache.getStr("city")).as("getStr(\"city\")").isEqualTo("Hawassa ✓");
        assertThat(cache.getStr("missing")).as("getStr of a missing key").isNull();
    }

    @Test
    void getIntReadsDecimalNumbers() {
        redis.set("count", "-42");

        assertThat(cache.getInt("count"))
                .as("getInt(\"count\") with \"-42\" stored")
                .isEqualTo(-42);
        assertThat(cache.getInt("missing")).as("getInt of a missing key").isNull();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"abc", "4.5", "2147483648", ""})
    void aValueThatIsNotAnIntFailsNamingTheKey(String stored) {
        redis.set("price", stored);

        assertThatThrownBy(() -> cache.getInt("price"))
                .as("getInt(\"price\") with \"%s\" stored", stored)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("price")
                .hasCauseInstanceOf(NumberFormatException.class);
    }

    @Test
    void bytesThatAreNotUtf8FailGetStrNamingTheKey() {
        redis.set("blob".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xc3, 0x28});

        assertThatThrownBy(() -> cache.getStr("blob"))
                .as("getStr(\"blob\") with the bytes c3 28 stored (not UTF-8); new String(...) would hide it "
                        + "behind a U+FFFD")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("blob");
    }

    @Test
    void aFailingConversionIsTheCauseOfTheError() {
        redis.set("listing:1", "x");
        RuntimeException failure = new IllegalArgumentException("not a listing");

        assertThatThrownBy(() -> cache.get("listing:1", bytes -> {
                    throw failure;
                }))
                .as("get(\"listing:1\", a conversion that throws)")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("listing:1")
                .hasCause(failure);
    }

    @Test
    void aNullOrEmptyKeyIsRejected() {
        assertThatThrownBy(() -> cache.getStr(null))
                .as("getStr(null)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> cache.getInt(""))
                .as("getInt(\"\")")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"\"");
    }
}

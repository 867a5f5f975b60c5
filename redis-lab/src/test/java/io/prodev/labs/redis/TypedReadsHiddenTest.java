package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.RedisTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

@Task("1")
@Hidden
@RedisTest
class TypedReadsHiddenTest {

    @Hint("getInt must read every int, the smallest and largest included, and nothing that is not exactly one")
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"-2147483648", "2147483647", "0", "+7", "007"})
    void getIntReadsEveryInt(String stored, RedisClient redis) {
        Cache cache = new Cache(redis); // first: the constructor empties the database
        redis.set("n", stored);

        assertThat(cache.getInt("n"))
                .as("getInt(\"n\") with \"%s\" stored", stored)
                .isEqualTo(Integer.valueOf(stored));
    }

    @Hint("getInt must read every int, the smallest and largest included, and nothing that is not exactly one")
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"-2147483649", " 1", "1 ", "0x10", "1e3", ""})
    void getIntRejectsWhatIsNotExactlyAnInt(String stored, RedisClient redis) {
        Cache cache = new Cache(redis); // first: the constructor empties the database
        redis.set("n", stored);

        assertThatThrownBy(() -> cache.getInt("n"))
                .as("getInt(\"n\") with \"%s\" stored", stored)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"n\"");
    }

    @Hint("what store wrote, the typed reads must give back: text, numbers, and the bytes themselves")
    @Test
    void readsBackWhatStoreWrote(RedisClient redis) {
        Cache cache = new Cache(redis);
        String text = "Bahir Dar — 😀";
        byte[] bytes = {(byte) 0xff, 0, 1};

        assertThat(cache.getStr(cache.store(text)))
                .as("getStr of store(\"%s\")", text)
                .isEqualTo(text);
        assertThat(cache.getInt(cache.store(-12))).as("getInt of store(-12)").isEqualTo(-12);
        Double number =
                cache.get(cache.store(2.5), stored -> Double.valueOf(new String(stored, StandardCharsets.UTF_8)));
        assertThat(number).as("get of store(2.5) with Double.valueOf").isEqualTo(2.5);
        byte[] unconverted = cache.get(cache.store(bytes), stored -> stored);
        assertThat(unconverted).as("get of store(bytes ff 00 01), unconverted").isEqualTo(bytes);
    }

    @Hint("a value that is not UTF-8 must fail getStr and name its key, whatever its bytes")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ff", "c0af", "eda080", "e282", "f8888080"})
    void malformedUtf8FailsGetStr(String hex, RedisClient redis) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        Cache cache = new Cache(redis);
        redis.set("blob".getBytes(StandardCharsets.UTF_8), bytes);

        assertThatThrownBy(() -> cache.getStr("blob"))
                .as("getStr(\"blob\") with the bytes %s stored", hex)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("blob");
    }
}

package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.RedisTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

@Task("0")
@Hidden
@RedisTest
class CacheHiddenTest {

    /**
     * Random stores of every type; the model is the bytes each key must hold. After each store the new key is a
     * fresh version 4 UUID, and at the end every key still holds exactly its bytes, and no other key holds a value.
     */
    @Hint("over many stores of every type, each value must keep its exact bytes under a key of its own")
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void everyStoredValueKeepsItsBytesUnderAKeyOfItsOwn(long seed, RedisClient redis) {
        Cache cache = new Cache(redis);
        Random random = new Random(seed);
        Map<String, byte[]> model = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            String key;
            byte[] expected;
            String call;
            switch (random.nextInt(5)) {
                case 0 -> {
                    String text = randomText(random);
                    call = "store(" + CallRendering.render(text) + ")";
                    key = cache.store(text);
                    expected = text.getBytes(StandardCharsets.UTF_8);
                }
                case 1 -> {
                    byte[] bytes = new byte[random.nextInt(20)];
                    random.nextBytes(bytes);
                    call = "store(" + CallRendering.render(bytes) + ")";
                    key = cache.store(bytes.clone());
                    expected = bytes;
                }
                case 2 -> {
                    int number = random.nextBoolean() ? random.nextInt() : random.nextInt(100) - 50;
                    call = "store(" + number + ")";
                    key = cache.store(number);
                    expected = Integer.toString(number).getBytes(StandardCharsets.US_ASCII);
                }
                case 3 -> {
                    long number = random.nextLong();
                    call = "store(" + number + "L)";
                    key = cache.store(number);
                    expected = Long.toString(number).getBytes(StandardCharsets.US_ASCII);
                }
                default -> {
                    double number = random.nextBoolean()
                            ? random.nextDouble() * 1000
                            : Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
                    call = "store(" + number + ")";
                    key = cache.store(number);
                    expected = Double.toString(number).getBytes(StandardCharsets.US_ASCII);
                }
            }
            assertThat(UUID.fromString(key).version())
                    .as("UUID version of the key %s returned (store #%d, seed %d)", call, i, seed)
                    .isEqualTo(4);
            assertThat(model.put(key, expected))
                    .as("an earlier value under the key %s returned (store #%d, seed %d)", call, i, seed)
                    .isNull();
        }
        model.forEach((key, expected) -> assertThat(redis.get(key.getBytes(StandardCharsets.UTF_8)))
                .as("bytes under %s after all stores (seed %d)", key, seed)
                .isEqualTo(expected));
        long valueKeys = redis.keys("*").stream()
                .filter(key -> !key.startsWith(Cache.STORE))
                .count();
        assertThat(valueKeys)
                .as("keys holding a stored value after %d stores (seed %d)", model.size(), seed)
                .isEqualTo(model.size());
    }

    private static String randomText(Random random) {
        String alphabet = "abc XYZ 019 é ✓ 😀 \"\\\n\t\u0000";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        while (text.codePointCount(0, text.length()) < length) {
            int at = random.nextInt(alphabet.length());
            if (Character.isLowSurrogate(alphabet.charAt(at))) {
                at--;
            }
            text.appendCodePoint(alphabet.codePointAt(at));
        }
        return text.toString();
    }
}

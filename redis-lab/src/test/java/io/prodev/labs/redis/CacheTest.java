package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.Weight;
import io.prodev.labs.labkit.redis.RedisTest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

@Task("0")
@RedisTest
class CacheTest {

    private RedisClient redis;
    private Cache cache;

    @BeforeEach
    void setUp(RedisClient redis) {
        this.redis = redis;
        this.cache = new Cache(redis);
    }

    /** What Redis holds under the key, as bytes. */
    private byte[] stored(String key) {
        return redis.get(key.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theConstructorEmptiesTheCurrentDatabase() {
        redis.set("left:over", "from an earlier run");

        new Cache(redis);

        assertThat(redis.dbSize())
                .as("keys in the database after new Cache(redis); it held one key before")
                .isZero();
    }

    @Weight(2)
    @Test
    void storeSavesTextAsUtf8UnderARandomUuidKey() {
        String key = cache.store("héllo, Addis");

        assertThat(UUID.fromString(key).version())
                .as("version of the UUID store(\"héllo, Addis\") returned as its key (%s)", key)
                .isEqualTo(4);
        assertThat(stored(key))
                .as("bytes Redis holds under the key store(\"héllo, Addis\") returned")
                .isEqualTo("héllo, Addis".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyStoreGetsAKeyOfItsOwnEvenForTheSameValue() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            keys.add(cache.store("same"));
        }

        assertThat(keys)
                .as("distinct keys returned by five store(\"same\") calls")
                .hasSize(5);
        assertThat(redis.dbSize() - helperKeys())
                .as("keys holding stored values after five stores")
                .isEqualTo(5);
    }

    @Test
    void storeKeepsBytesUntouched() {
        byte[] binary = {0, (byte) 0xff, (byte) 0xc3, 0x28, '\n', 0};

        String key = cache.store(binary);

        assertThat(stored(key))
                .as("bytes Redis holds after store(new byte[] {0x00, 0xff, 0xc3, 0x28, 0x0a, 0x00}); "
                        + "they are not UTF-8 and must not be changed")
                .isEqualTo(binary);
    }

    @Test
    void storeWritesWholeNumbersInDecimal() {
        assertThat(new String(stored(cache.store(42)), StandardCharsets.US_ASCII))
                .as("what Redis holds after store(42)")
                .isEqualTo("42");
        assertThat(new String(stored(cache.store(-7)), StandardCharsets.US_ASCII))
                .as("what Redis holds after store(-7)")
                .isEqualTo("-7");
        assertThat(new String(stored(cache.store(9_007_199_254_740_993L)), StandardCharsets.US_ASCII))
                .as("what Redis holds after store(9007199254740993L), a long no double holds exactly")
                .isEqualTo("9007199254740993");
    }

    @Test
    void storeWritesDoublesAsDoubleToStringDoes() {
        assertThat(new String(stored(cache.store(0.1)), StandardCharsets.US_ASCII))
                .as("what Redis holds after store(0.1)")
                .isEqualTo("0.1");
        assertThat(new String(stored(cache.store(1e21)), StandardCharsets.US_ASCII))
                .as("what Redis holds after store(1e21)")
                .isEqualTo("1.0E21");
        assertThat(new String(stored(cache.store(-0.0)), StandardCharsets.US_ASCII))
                .as("what Redis holds after store(-0.0)")
                .isEqualTo("-0.0");
    }

    @Test
    void nullTextOrBytesAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> cache.store((String) null))
                .as("store((String) null)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> cache.store((byte[]) null))
                .as("store((byte[]) null)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThat(redis.dbSize() - helperKeys())
                .as("keys holding stored values after two rejected stores")
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void aDoubleThatIsNotFiniteIsRejectedNamingIt(double notFinite) {
        assertThatThrownBy(() -> cache.store(notFinite))
                .as("store(%s)", notFinite)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(notFinite));
    }

    /** The counter and history keys tasks 2 and 3 add, which hold no stored value. */
    private long helperKeys() {
        return redis.keys(Cache.STORE + "*").size();
    }
}

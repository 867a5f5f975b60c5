package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.RedisTest;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

@Task("2")
@RedisTest
class CallCounterTest {

    private RedisClient redis;

    @BeforeEach
    void setUp(RedisClient redis) {
        this.redis = redis;
    }

    @Test
    void threeStoresCountThree() {
        Cache cache = new Cache(redis);

        cache.store("a");
        cache.store(2);
        cache.store(new byte[] {3});

        assertThat(redis.get(Cache.STORE))
                .as("GET %s after three stores", Cache.STORE)
                .isEqualTo("3");
    }

    @Test
    void wrapsAnyMethodAndReturnsWhatItReturns() {
        Function<String, Integer> length = CallCounter.counted(redis, "length", String::length);

        assertThat(length.apply("Addis"))
                .as("the counted String::length applied to \"Addis\"")
                .isEqualTo(5);
        length.apply("Gondar");

        assertThat(redis.get("length"))
                .as("GET length after two calls of the counted String::length")
                .isEqualTo("2");
    }

    @Test
    void methodsCountApart() {
        Function<String, String> upper = CallCounter.counted(redis, "upper", String::toUpperCase);
        Function<String, String> trim = CallCounter.counted(redis, "trim", String::trim);

        upper.apply("a");
        upper.apply("b");
        trim.apply(" c ");

        assertThat(redis.get("upper"))
                .as("GET upper after two calls of upper and one of trim")
                .isEqualTo("2");
        assertThat(redis.get("trim"))
                .as("GET trim after two calls of upper and one of trim")
                .isEqualTo("1");
    }

    @Test
    void aCallThatThrowsCountsToo() {
        Function<String, Integer> parse = CallCounter.counted(redis, "parse", Integer::valueOf);

        assertThatThrownBy(() -> parse.apply("not a number"))
                .as("the counted Integer::valueOf applied to \"not a number\"")
                .isInstanceOf(NumberFormatException.class);

        assertThat(redis.get("parse")).as("GET parse after one call that threw").isEqualTo("1");
    }

    @Test
    void nothingIsCountedBeforeTheFirstCall() {
        CallCounter.counted(redis, "idle", Function.identity());

        assertThat(redis.exists("idle"))
                .as("EXISTS idle after wrapping a method and never calling it")
                .isFalse();
    }

    @Test
    void aNullOrBlankNameIsRejected() {
        assertThatThrownBy(() -> CallCounter.counted(redis, " ", Function.identity()))
                .as("counted(redis, \" \", method)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\" \"");
        assertThatThrownBy(() -> CallCounter.counted(redis, null, Function.identity()))
                .as("counted(redis, null, method)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }
}

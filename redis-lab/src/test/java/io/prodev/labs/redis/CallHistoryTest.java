package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.RedisTest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

@Task("3")
@RedisTest
class CallHistoryTest {

    private RedisClient redis;

    @BeforeEach
    void setUp(RedisClient redis) {
        this.redis = redis;
    }

    private List<String> inputs(String name) {
        return redis.lrange(name + ":inputs", 0, -1);
    }

    private List<String> outputs(String name) {
        return redis.lrange(name + ":outputs", 0, -1);
    }

    @Test
    void storesOfCacheAreRecorded() {
        Cache cache = new Cache(redis);

        String first = cache.store("foo");
        String second = cache.store(42);

        assertThat(inputs(Cache.STORE))
                .as("LRANGE %s:inputs after store(\"foo\") and store(42)", Cache.STORE)
                .containsExactly("\"foo\"", "42");
        assertThat(outputs(Cache.STORE))
                .as("LRANGE %s:outputs after store(\"foo\") and store(42)", Cache.STORE)
                .containsExactly("\"" + first + "\"", "\"" + second + "\"");
    }

    @Test
    void theInputIsPushedBeforeTheCallAndTheOutputAfterIt() {
        List<List<String>> seenDuringTheCall = new ArrayList<>();
        Function<String, String> echo = CallHistory.recorded(redis, "echo", input -> {
            seenDuringTheCall.add(inputs("echo"));
            seenDuringTheCall.add(outputs("echo"));
            return input;
        });

        echo.apply("x");

        assertThat(seenDuringTheCall.get(0))
                .as("echo:inputs as the method saw it while it ran (its input must be there already)")
                .containsExactly("\"x\"");
        assertThat(seenDuringTheCall.get(1))
                .as("echo:outputs as the method saw it while it ran (its output cannot be there yet)")
                .isEmpty();
        assertThat(outputs("echo")).as("echo:outputs after the call").containsExactly("\"x\"");
    }

    @Test
    void valuesAreRenderedAsCallRenderingSays() {
        Function<Object, Object> identity = CallHistory.recorded(redis, "id", value -> value);

        identity.apply("say \"hi\"\n");
        identity.apply(new byte[] {0x68, 0x69, (byte) 0xff});
        identity.apply(3.5);
        identity.apply(null);

        assertThat(inputs("id"))
                .as("id:inputs after calls with \"say \\\"hi\\\"\\n\", bytes 68 69 ff, 3.5 and null")
                .containsExactly("\"say \\\"hi\\\"\\n\"", "bytes[68 69 ff]", "3.5", "null");
        assertThat(outputs("id")).as("id:outputs after the same calls").isEqualTo(inputs("id"));
    }

    @Test
    void aCallThatThrowsRecordsTheExceptionAndRethrowsIt() {
        RuntimeException failure = new IllegalStateException("listing 7 is gone");
        Function<Integer, String> load = CallHistory.recorded(redis, "load", id -> {
            throw failure;
        });

        assertThatThrownBy(() -> load.apply(7))
                .as("the recorded method applied to 7; it throws")
                .isSameAs(failure);
        assertThat(inputs("load")).as("load:inputs after one call that threw").containsExactly("7");
        assertThat(outputs("load"))
                .as("load:outputs after one call that threw")
                .containsExactly("threw IllegalStateException: listing 7 is gone");
    }

    @Test
    void aNullOrBlankNameIsRejected() {
        assertThatThrownBy(() -> CallHistory.recorded(redis, "", Function.identity()))
                .as("recorded(redis, \"\", method)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"\"");
        assertThatThrownBy(() -> CallHistory.recorded(redis, null, Function.identity()))
                .as("recorded(redis, null, method)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }
}

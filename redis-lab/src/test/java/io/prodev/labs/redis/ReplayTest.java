package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.output.StandardOutput;
import io.prodev.labs.labkit.redis.RedisTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** Replays histories written straight to Redis, so these tests need none of tasks 0 to 3. */
@Task("4")
@RedisTest
class ReplayTest {

    private RedisClient redis;
    private final List<String> lines = new ArrayList<>();

    @BeforeEach
    void setUp(RedisClient redis) {
        this.redis = redis;
    }

    @Test
    void printsTheCountThenEachCallOldestFirst() {
        redis.set("Cache.store", "3");
        redis.rpush("Cache.store:inputs", "\"foo\"", "\"bar\"", "42");
        redis.rpush("Cache.store:outputs", "\"k1\"", "\"k2\"", "\"k3\"");

        Replay.replay(redis, "Cache.store", lines::add);

        assertThat(lines)
                .as("lines replay printed for three recorded calls")
                .containsExactly(
                        "Cache.store was called 3 times:",
                        "Cache.store(\"foo\") -> \"k1\"",
                        "Cache.store(\"bar\") -> \"k2\"",
                        "Cache.store(42) -> \"k3\"");
    }

    @Test
    void oneCallIsOneTime() {
        redis.set("length", "1");
        redis.rpush("length:inputs", "\"Addis\"");
        redis.rpush("length:outputs", "5");

        Replay.replay(redis, "length", lines::add);

        assertThat(lines)
                .as("lines replay printed for one call")
                .containsExactly("length was called 1 time:", "length(\"Addis\") -> 5");
    }

    @Test
    void aMethodNeverCalledWasCalledZeroTimes() {
        Replay.replay(redis, "never", lines::add);

        assertThat(lines)
                .as("lines replay printed for a name with no history")
                .containsExactly("never was called 0 times:");
    }

    @Test
    void aCallThatThrewSaysSo() {
        redis.set("load", "1");
        redis.rpush("load:inputs", "7");
        redis.rpush("load:outputs", "threw IllegalStateException: listing 7 is gone");

        Replay.replay(redis, "load", lines::add);

        assertThat(lines)
                .as("lines replay printed for a call that threw")
                .containsExactly("load was called 1 time:", "load(7) threw IllegalStateException: listing 7 is gone");
    }

    @Test
    void aCallWithoutItsOutputYetShowsAQuestionMark() {
        redis.set("slow", "2");
        redis.rpush("slow:inputs", "1", "2");
        redis.rpush("slow:outputs", "\"one\"");

        Replay.replay(redis, "slow", lines::add);

        assertThat(lines)
                .as("lines replay printed while the second call is still running")
                .containsExactly("slow was called 2 times:", "slow(1) -> \"one\"", "slow(2) -> ?");
    }

    @Test
    void withoutASinkItPrintsOnStandardOutput() {
        redis.set("length", "1");
        redis.rpush("length:inputs", "\"Addis\"");
        redis.rpush("length:outputs", "5");

        List<String> printed = StandardOutput.linesPrintedBy(() -> Replay.replay(redis, "length"));

        assertThat(printed)
                .as("lines replay(redis, \"length\") printed on System.out")
                .containsExactly("length was called 1 time:", "length(\"Addis\") -> 5");
    }

    @Test
    void aNullOrBlankNameIsRejected() {
        assertThatThrownBy(() -> Replay.replay(redis, "  ", lines::add))
                .as("replay(redis, \"  \", out)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"  \"");
    }
}

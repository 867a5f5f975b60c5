package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.RedisTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

@Task("4")
@Hidden
@RedisTest
class ReplayHiddenTest {

    /** Random histories, written straight to Redis: the model is the lines replay must print. */
    @Hint("replay must print every recorded call in order, whatever its input and output hold, and only those")
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void printsEveryRecordedCallInOrder(long seed, RedisClient redis) {
        Random random = new Random(seed);
        String name = random.nextBoolean() ? "Cache.store" : "a name with spaces";
        int calls = random.nextInt(12);
        int finished = calls == 0 ? 0 : calls - random.nextInt(2);
        List<String> expected = new ArrayList<>();
        expected.add(name + " was called " + calls + (calls == 1 ? " time:" : " times:"));
        if (calls > 0) {
            redis.set(name, String.valueOf(calls));
        }
        for (int i = 0; i < calls; i++) {
            String input = CallRendering.render(random.nextBoolean() ? "in -> " + i : "(" + i + ")");
            redis.rpush(name + ":inputs", input);
            if (i >= finished) {
                expected.add(name + "(" + input + ") -> ?");
            } else if (random.nextInt(4) == 0) {
                String thrown = CallRendering.thrown(new IllegalStateException("call " + i + " -> failed"));
                redis.rpush(name + ":outputs", thrown);
                expected.add(name + "(" + input + ") " + thrown);
            } else {
                String output = CallRendering.render(random.nextBoolean() ? "threw " + i : (Object) (i * 10));
                redis.rpush(name + ":outputs", output);
                expected.add(name + "(" + input + ") -> " + output);
            }
        }
        List<String> lines = new ArrayList<>();

        Replay.replay(redis, name, lines::add);

        assertThat(lines)
                .as("lines replay printed for %d recorded calls (seed %d)", calls, seed)
                .isEqualTo(expected);
    }
}

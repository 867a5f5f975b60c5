package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.RedisTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

@Task("3")
@Hidden
@RedisTest
class CallHistoryHiddenTest {

    /**
     * Random calls through two wrappers of one name, some of which throw; the model is the two lists Redis must
     * hold, in call order.
     */
    @Hint("over many calls, some of which throw, the i-th output must always belong to the i-th input")
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void theListsPairEveryInputWithItsOutput(long seed, RedisClient redis) {
        Function<String, Object> parse = value -> {
            if (value.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            return value.chars().allMatch(Character::isDigit) ? (Object) Integer.valueOf(value) : value.toUpperCase();
        };
        List<Function<String, Object>> wrappers =
                List.of(CallHistory.recorded(redis, "parse", parse), CallHistory.recorded(redis, "parse", parse));
        Random random = new Random(seed);
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String input = switch (random.nextInt(4)) {
                case 0 -> "";
                case 1 -> String.valueOf(random.nextInt(1000));
                case 2 -> "it's \"" + random.nextInt(10) + "\"";
                default -> "x" + i;
            };
            inputs.add(CallRendering.render(input));
            Function<String, Object> wrapper = wrappers.get(i % 2);
            Object[] returned = new Object[1];
            Throwable thrown = catchThrowable(() -> returned[0] = wrapper.apply(input));
            outputs.add(thrown == null ? CallRendering.render(returned[0]) : CallRendering.thrown(thrown));
        }

        assertThat(redis.lrange("parse:inputs", 0, -1))
                .as("parse:inputs after 100 calls (seed %d)", seed)
                .isEqualTo(inputs);
        assertThat(redis.lrange("parse:outputs", 0, -1))
                .as("parse:outputs after 100 calls (seed %d)", seed)
                .isEqualTo(outputs);
    }
}

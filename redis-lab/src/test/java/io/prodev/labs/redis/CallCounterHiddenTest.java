package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.concurrency.AllAtOnce;
import io.prodev.labs.labkit.redis.RedisTest;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

@Task("2")
@Hidden
@RedisTest
class CallCounterHiddenTest {

    private static final int THREADS = 16;
    private static final int CALLS_PER_THREAD = 50;

    @Hint("calls from many threads at once must all be counted: the count must be one atomic step in Redis")
    @Test
    void concurrentCallsAreAllCounted(RedisClient redis) throws InterruptedException {
        Function<Integer, Integer> square = CallCounter.counted(redis, "square", n -> n * n);
        AllAtOnce.run(THREADS, thread -> {
            for (int i = 0; i < CALLS_PER_THREAD; i++) {
                square.apply(i);
            }
        });

        assertThat(redis.get("square"))
                .as("GET square after %d threads made %d calls each at once", THREADS, CALLS_PER_THREAD)
                .isEqualTo(String.valueOf(THREADS * CALLS_PER_THREAD));
    }

    @Hint("the count lives in Redis: two wrappers of one name, or a count already there, add up")
    @Test
    void theCountLivesInRedis(RedisClient redis) {
        redis.set("lookup", "40");
        Function<String, String> first = CallCounter.counted(redis, "lookup", String::trim);
        Function<String, String> second = CallCounter.counted(redis, "lookup", String::strip);

        first.apply(" a ");
        second.apply(" b ");

        assertThat(redis.get("lookup"))
                .as("GET lookup after one call through each of two wrappers named lookup, with 40 there before")
                .isEqualTo("42");
    }
}

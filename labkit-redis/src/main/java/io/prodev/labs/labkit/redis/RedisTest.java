package io.prodev.labs.labkit.redis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a real Redis server. Declare a {@code RedisClient} parameter (test method,
 * {@code @BeforeEach}, constructor) for a client connected to an empty database, or a
 * {@link RedisEndpoint} to build your own clients (pub/sub, a second instance).
 *
 * <p>The server is {@code REDIS_URL} if set, else {@code redis:7-alpine} under Testcontainers when
 * Docker is available, else the redis-server binary that embedded-redis ships, on a free port. Each
 * test class gets a database of its own, emptied before every test.
 *
 * <pre>{@code
 * @RedisTest
 * class CounterTest {
 *     @Test
 *     void counts(RedisClient redis) {
 *         redis.incr("hits");
 *         assertThat(redis.get("hits")).isEqualTo("1");
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RedisExtension.class)
public @interface RedisTest {}

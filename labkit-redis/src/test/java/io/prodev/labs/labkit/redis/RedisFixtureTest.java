package io.prodev.labs.labkit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.fixture.Fixture;
import io.prodev.labs.labkit.fixture.Fixtures;
import io.prodev.labs.labkit.fixture.RunningFixture;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The plug-in the grader drives: found by name, a private server, emptied by reset, stopped by close. */
class RedisFixtureTest {

    @Test
    void isFoundByTheNameLabJsonUses() {
        List<Fixture> found = Fixtures.find(List.of("redis"), getClass().getClassLoader());

        assertThat(found).singleElement().isInstanceOf(RedisFixture.class);
    }

    @Test
    void anUnknownNameIsAnErrorNamingItAndTheFixturesThatExist() {
        assertThatThrownBy(
                        () -> Fixtures.find(List.of("redis", "ssh"), getClass().getClassLoader()))
                .hasMessageContaining("no fixture named ssh")
                .hasMessageContaining("found: redis");
    }

    @Test
    void givesTheTestJvmARedisUrlAndResetEmptiesEveryDatabase() {
        try (RunningFixture redis = new RedisFixture().start()) {
            URI url = URI.create(redis.environment().get("REDIS_URL"));
            assertThat(RedisBackendChooser.choose(redis.environment(), () -> false)
                            .backend())
                    .as("what RedisExtension makes of the environment the fixture gives")
                    .isEqualTo(RedisBackend.EXTERNAL);
            try (RedisClient db0 = RedisClient.create(url);
                    RedisClient db5 =
                            RedisClient.create(URI.create(url.toString().replace("/0", "/5")))) {
                db0.set("left", "by submission 1");
                db5.set("left", "by submission 1");

                redis.reset();

                assertThat(db0.exists("left"))
                        .as("a key in database 0 after reset()")
                        .isFalse();
                assertThat(db5.exists("left"))
                        .as("a key in database 5 after reset()")
                        .isFalse();
            }
        }
    }

    @Test
    void closeStopsTheServer() {
        RunningFixture redis = new RedisFixture().start();
        URI url = URI.create(redis.environment().get("REDIS_URL"));

        redis.close();

        assertThatThrownBy(() -> new Socket(url.getHost(), url.getPort()).close())
                .as("connecting to %s after close()", url)
                .isInstanceOf(IOException.class);
    }
}

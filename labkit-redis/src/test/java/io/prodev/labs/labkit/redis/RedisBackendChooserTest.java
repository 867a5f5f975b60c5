package io.prodev.labs.labkit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RedisBackendChooserTest {

    @Test
    void usesRedisUrlWhenSetWithoutAskingDocker() {
        AtomicBoolean askedDocker = new AtomicBoolean();

        RedisBackendChoice choice = RedisBackendChooser.choose(
                Map.of("REDIS_URL", "redis://cache.local:6380"), () -> askedDocker.getAndSet(true));

        assertThat(choice.backend()).isEqualTo(RedisBackend.EXTERNAL);
        assertThat(choice.url().getHost()).isEqualTo("cache.local");
        assertThat(choice.url().getPort()).isEqualTo(6380);
        assertThat(askedDocker)
                .as("Docker is not probed when REDIS_URL decides")
                .isFalse();
    }

    @Test
    void usesContainerWhenDockerIsAvailable() {
        RedisBackendChoice choice = RedisBackendChooser.choose(Map.of(), () -> true);

        assertThat(choice.backend()).isEqualTo(RedisBackend.CONTAINER);
        assertThat(choice.reason()).contains("Docker is available");
    }

    @Test
    void fallsBackToEmbeddedWithoutDocker() {
        RedisBackendChoice choice = RedisBackendChooser.choose(Map.of(), () -> false);

        assertThat(choice.backend()).isEqualTo(RedisBackend.EMBEDDED);
        assertThat(choice.reason()).isEqualTo("REDIS_URL is not set; Docker is not available");
    }

    @Test
    void treatsBlankRedisUrlAsUnset() {
        RedisBackendChoice choice = RedisBackendChooser.choose(Map.of("REDIS_URL", "  "), () -> false);

        assertThat(choice.backend()).isEqualTo(RedisBackend.EMBEDDED);
    }

    @Test
    void rejectsRedisUrlThatIsNotARedisUrlNamingIt() {
        assertThatThrownBy(() -> RedisBackendChooser.choose(Map.of("REDIS_URL", "http://localhost:6379"), () -> false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'http://localhost:6379'");
    }

    @Test
    void dockerProbeAnswersWithoutThrowing() {
        // On a machine with no Docker engine this must be a plain false, never an exception.
        boolean available = RedisServers.dockerAvailable();

        assertThat(available).isIn(true, false);
    }
}

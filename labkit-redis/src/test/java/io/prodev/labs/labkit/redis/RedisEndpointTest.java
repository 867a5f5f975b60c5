package io.prodev.labs.labkit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisEndpointTest {

    @Test
    void buildsUriWithDatabaseAndCredentials() {
        RedisEndpoint endpoint = new RedisEndpoint("127.0.0.1", 6390, ":secret", 3);

        assertThat(endpoint.uri()).hasToString("redis://:secret@127.0.0.1:6390/3");
    }

    @Test
    void withDatabaseKeepsTheServer() {
        RedisEndpoint endpoint = new RedisEndpoint("127.0.0.1", 6390, null, 0).withDatabase(7);

        assertThat(endpoint.uri()).hasToString("redis://127.0.0.1:6390/7");
    }

    @Test
    void rejectsPortOutOfRangeNamingIt() {
        assertThatThrownBy(() -> new RedisEndpoint("127.0.0.1", 70_000, null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70000");
    }
}

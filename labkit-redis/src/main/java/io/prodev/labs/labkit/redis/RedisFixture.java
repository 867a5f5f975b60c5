package io.prodev.labs.labkit.redis;

import io.prodev.labs.labkit.fixture.Fixture;
import io.prodev.labs.labkit.fixture.FixtureException;
import io.prodev.labs.labkit.fixture.RunningFixture;
import java.util.Map;
import redis.clients.jedis.RedisClient;

/**
 * The Redis fixture as a plug-in ({@code "fixtures": ["redis"]} in lab.json): a private server for one test
 * JVM that runs many submissions' tests, handed to {@link RedisExtension} through {@code REDIS_URL} and
 * emptied with FLUSHALL before each submission. It starts the same servers the extension does
 * ({@link RedisServers}): the embedded binary, else a container when Docker runs. Never the instructor's
 * REDIS_URL, which FLUSHALL would wipe and other JVMs would share.
 */
public final class RedisFixture implements Fixture {

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public RunningFixture start() {
        RunningRedis server;
        try {
            server = RedisServers.start(new RedisBackendChoice(RedisBackend.EMBEDDED, null, "a private server"));
        } catch (RuntimeException noEmbeddedBinary) {
            if (!RedisServers.dockerAvailable()) {
                throw new FixtureException(
                        "cannot start a Redis server: " + noEmbeddedBinary.getMessage()
                                + "; and Docker is not available for a container",
                        noEmbeddedBinary);
            }
            server = RedisServers.start(new RedisBackendChoice(RedisBackend.CONTAINER, null, "a private server"));
        }
        return new Running(server);
    }

    private static final class Running implements RunningFixture {

        private final RunningRedis server;
        private final RedisClient client;

        Running(RunningRedis server) {
            this.server = server;
            this.client = RedisClient.create(server.endpoint().uri());
        }

        @Override
        public Map<String, String> environment() {
            return Map.of(RedisBackendChooser.REDIS_URL, server.endpoint().uri().toString());
        }

        @Override
        public void reset() {
            try {
                client.flushAll(); // every database: test classes take databases 0 to 15 in turn
            } catch (RuntimeException e) {
                throw new FixtureException("could not empty " + server.description() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String description() {
            return server.description();
        }

        @Override
        public void close() {
            client.close();
            server.close();
        }
    }
}

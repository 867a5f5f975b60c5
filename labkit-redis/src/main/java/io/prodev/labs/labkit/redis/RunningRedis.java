package io.prodev.labs.labkit.redis;

/**
 * A Redis server the fixture started or found. Closing it stops what the fixture started and
 * leaves alone what it did not (a REDIS_URL server).
 */
public interface RunningRedis extends AutoCloseable {

    /** Where the server listens, on database 0. */
    RedisEndpoint endpoint();

    /** One line for the log: what runs where. */
    String description();

    @Override
    void close();
}

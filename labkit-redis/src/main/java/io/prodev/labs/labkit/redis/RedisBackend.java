package io.prodev.labs.labkit.redis;

/** The kinds of Redis server the fixture can hand out, in order of preference. */
public enum RedisBackend {
    /** The server REDIS_URL names. */
    EXTERNAL,
    /** redis:7-alpine under Testcontainers. */
    CONTAINER,
    /** The redis-server binary shipped by embedded-redis, on loopback. */
    EMBEDDED
}

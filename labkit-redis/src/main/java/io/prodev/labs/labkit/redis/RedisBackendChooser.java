package io.prodev.labs.labkit.redis;

import java.net.URI;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Chooses the Redis server for tests: REDIS_URL if set, else a container when Docker is available,
 * else the embedded binary. Pure: the environment and the Docker probe are passed in, so the rule
 * is unit-tested without either.
 */
public final class RedisBackendChooser {

    /** The environment variable that points the tests at an existing Redis. */
    public static final String REDIS_URL = "REDIS_URL";

    private RedisBackendChooser() {}

    public static RedisBackendChoice choose(Map<String, String> environment, BooleanSupplier dockerAvailable) {
        String url = environment.get(REDIS_URL);
        if (url != null && !url.isBlank()) {
            return new RedisBackendChoice(RedisBackend.EXTERNAL, parseUrl(url.trim()), "REDIS_URL is set");
        }
        if (dockerAvailable.getAsBoolean()) {
            return new RedisBackendChoice(RedisBackend.CONTAINER, null, "REDIS_URL is not set; Docker is available");
        }
        return new RedisBackendChoice(RedisBackend.EMBEDDED, null, "REDIS_URL is not set; Docker is not available");
    }

    static URI parseUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("REDIS_URL is not a URL: '" + url + "'", e);
        }
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("REDIS_URL must look like redis://host:port, got: '" + url + "'");
        }
        return uri;
    }
}

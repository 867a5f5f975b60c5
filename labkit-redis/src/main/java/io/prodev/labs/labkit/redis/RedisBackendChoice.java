package io.prodev.labs.labkit.redis;

import java.net.URI;

/**
 * Which Redis server the fixture will use, and why.
 *
 * @param backend the kind of server
 * @param url     the REDIS_URL, for {@link RedisBackend#EXTERNAL}; null otherwise
 * @param reason  a sentence for the log ("REDIS_URL is not set; Docker is not available")
 */
public record RedisBackendChoice(RedisBackend backend, URI url, String reason) {}

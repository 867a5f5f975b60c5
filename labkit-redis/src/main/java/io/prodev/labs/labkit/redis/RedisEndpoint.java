package io.prodev.labs.labkit.redis;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a test's Redis database is.
 *
 * @param host     host name or address
 * @param port     TCP port
 * @param userInfo {@code user:password} or {@code :password} from REDIS_URL, or null
 * @param database the logical database (0 to 15) this test class owns
 */
public record RedisEndpoint(String host, int port, String userInfo, int database) {

    public RedisEndpoint {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("Redis port must be 1 to 65535, got: " + port);
        }
        if (database < 0) {
            throw new IllegalArgumentException("Redis database must be 0 or more, got: " + database);
        }
    }

    /** The same server, another database. */
    public RedisEndpoint withDatabase(int otherDatabase) {
        return new RedisEndpoint(host, port, userInfo, otherDatabase);
    }

    /** A {@code redis://} URI that Jedis's {@code RedisClient.create(URI)} understands. */
    public URI uri() {
        try {
            return new URI("redis", userInfo, host, port, "/" + database, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot build a Redis URI for " + host + ":" + port, e);
        }
    }
}

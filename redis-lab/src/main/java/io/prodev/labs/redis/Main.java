package io.prodev.labs.redis;

import io.prodev.labs.labkit.redis.RedisBackendChoice;
import io.prodev.labs.labkit.redis.RedisBackendChooser;
import io.prodev.labs.labkit.redis.RedisServers;
import io.prodev.labs.labkit.redis.RunningRedis;
import java.nio.charset.StandardCharsets;
import redis.clients.jedis.RedisClient;

/**
 * The demo: stores values of every type, reads them back typed, and replays the history of the stores, against
 * the Redis server REDIS_URL names or, without it, one it starts for the run (a container where Docker runs, else
 * the embedded binary).
 *
 * <p>Run it with {@code ./mvnw -q -pl redis-lab compile exec:java}.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        RedisBackendChoice choice = RedisBackendChooser.choose(System.getenv(), RedisServers::dockerAvailable);
        try (RunningRedis server = RedisServers.start(choice);
                RedisClient redis = RedisClient.create(server.endpoint().uri())) {
            System.out.println("Redis: " + server.description());
            Cache cache = new Cache(redis);

            String text = cache.store("Sunny loft, Addis Ababa");
            String price = cache.store(1250);
            String bytes = cache.store(new byte[] {(byte) 0xca, (byte) 0xfe});
            String ratio = cache.store(0.75);
            System.out.println();
            System.out.println("getStr(text)  = " + cache.getStr(text));
            System.out.println("getInt(price) = " + cache.getInt(price));
            System.out.println("raw(bytes)    = " + CallRendering.render(cache.raw(bytes)));
            System.out.println("ratio * 2     = "
                    + cache.get(ratio, value -> Double.parseDouble(new String(value, StandardCharsets.US_ASCII)) * 2));
            try {
                cache.getInt(text);
            } catch (IllegalStateException e) {
                System.out.println("getInt(text)  : " + e.getMessage());
            }

            System.out.println();
            Replay.replay(redis, Cache.STORE);
        }
    }
}

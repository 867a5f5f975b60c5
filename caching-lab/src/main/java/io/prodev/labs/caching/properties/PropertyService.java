package io.prodev.labs.caching.properties;

import java.util.List;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Property listings with the full list cached in Redis (cache-aside).
 *
 * <ul>
 *   <li>{@link #getAllProperties()} answers from the Redis key {@value #CACHE_KEY} when it is there;
 *       otherwise it reads the database and stores the list as JSON under that key for
 *       {@value #CACHE_TTL_SECONDS} seconds ({@code SET all_properties <json> EX 3600}).</li>
 *   <li>Creating, updating or deleting a listing through this service writes the database first and
 *       then deletes the key, so the next read sees the change. A write made around the service (straight
 *       to the repository) is invisible until the key expires.</li>
 * </ul>
 */
public class PropertyService {

    /** The Redis key that holds the JSON list of every property. */
    public static final String CACHE_KEY = "all_properties";
    /** How long the cached list lives: one hour, a bound on how stale a missed invalidation can leave it. */
    public static final long CACHE_TTL_SECONDS = 3600;

    private final PropertyRepository repository;
    private final UnifiedJedis redis;

    /**
     * @param repository where listings are stored
     * @param redis      the cache, e.g. {@code RedisClient.create("redis://localhost:6379")}
     */
    public PropertyService(PropertyRepository repository, UnifiedJedis redis) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    /** Every listing, oldest first: from Redis when cached, else from the database (and then cached). */
    public List<Property> getAllProperties() {
        // BEGIN SOLUTION
        String cached = redis.get(CACHE_KEY);
        if (cached != null) {
            return PropertyListJson.read(cached);
        }
        List<Property> properties = repository.findAll();
        redis.set(
                CACHE_KEY,
                PropertyListJson.write(properties),
                SetParams.setParams().ex(CACHE_TTL_SECONDS));
        return properties;
        // END SOLUTION
    }

    /** Stores a new listing (id 0), drops the cached list and returns the listing with its id. */
    public Property createProperty(Property property) {
        // BEGIN SOLUTION
        Property saved = repository.insert(property);
        dropCachedList();
        return saved;
        // END SOLUTION
    }

    /** Updates the listing with {@code property.id()}; drops the cached list if there was one to update. */
    public boolean updateProperty(Property property) {
        // BEGIN SOLUTION
        boolean updated = repository.update(property);
        if (updated) {
            dropCachedList();
        }
        return updated;
        // END SOLUTION
    }

    /** Deletes the listing with this id; drops the cached list if there was one to delete. */
    public boolean deleteProperty(long id) {
        // BEGIN SOLUTION
        boolean deleted = repository.delete(id);
        if (deleted) {
            dropCachedList();
        }
        return deleted;
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    /** Delete, not rewrite: the next read rebuilds the list from the database, the source of truth. */
    private void dropCachedList() {
        redis.del(CACHE_KEY);
    }
    // END SOLUTION
}

package io.prodev.labs.caching.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.Weight;
import io.prodev.labs.labkit.redis.RedisTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

@Task("7")
@RedisTest
class PropertyServiceTest {

    private static final String KEY = "all_properties";

    @TempDir
    Path dir;

    private RedisClient redis;
    private RecordingPropertyRepository repository;
    private PropertyService service;

    @BeforeEach
    void setUp(RedisClient redis) {
        this.redis = redis;
        this.repository = new RecordingPropertyRepository(dir.resolve("listings.db"));
        this.service = new PropertyService(repository, redis);
    }

    @Weight(10) // the task is a cache for an hour: with --partial, no TTL must cost more than a detail
    @Test
    void firstGetReadsTheDatabaseAndCachesTheListForAnHour() {
        Property loft = repository.insert(Listings.loft());

        assertThat(service.getAllProperties())
                .as("getAllProperties() with one listing stored")
                .containsExactly(loft);
        assertThat(redis.exists(KEY))
                .as("Redis key %s after the first getAllProperties()", KEY)
                .isTrue();
        assertThat(redis.ttl(KEY))
                .as("TTL of %s in seconds (SET ... EX 3600)", KEY)
                .isBetween(3590L, 3600L);
    }

    @Test
    void secondGetIsServedFromRedisWithoutTouchingTheDatabase() {
        Property loft = repository.insert(Listings.loft());
        Property cottage = repository.insert(Listings.cottage());

        service.getAllProperties();
        assertThat(service.getAllProperties())
                .as("the second getAllProperties(), read back from Redis")
                .containsExactly(loft, cottage);
        assertThat(repository.findAllCalls())
                .as("database reads (findAll) for two getAllProperties() calls")
                .isEqualTo(1);
    }

    @Test
    void aWriteAroundTheServiceStaysInvisibleWhileTheListIsCached() {
        Property loft = repository.insert(Listings.loft());
        service.getAllProperties();

        repository.insert(Listings.cottage());

        assertThat(service.getAllProperties())
                .as("getAllProperties() after a listing was inserted straight into the repository, not the service")
                .containsExactly(loft);
    }

    @Test
    void createDeletesTheCachedListAndTheNextGetShowsTheNewListing() {
        Property loft = repository.insert(Listings.loft());
        service.getAllProperties();

        Property cottage = service.createProperty(Listings.cottage());

        assertThat(redis.exists(KEY))
                .as("Redis key %s right after createProperty()", KEY)
                .isFalse();
        assertThat(service.getAllProperties())
                .as("getAllProperties() after createProperty(cottage)")
                .containsExactly(loft, cottage);
    }

    @Test
    void updateDeletesTheCachedList() {
        Property loft = repository.insert(Listings.loft());
        service.getAllProperties();
        Property cheaper = new Property(
                loft.id(),
                loft.title(),
                loft.description(),
                new BigDecimal("999.00"),
                loft.location(),
                loft.createdAt());

        assertThat(service.updateProperty(cheaper))
                .as("updateProperty() of a stored listing")
                .isTrue();

        assertThat(redis.exists(KEY))
                .as("Redis key %s right after updateProperty()", KEY)
                .isFalse();
        assertThat(service.getAllProperties())
                .as("getAllProperties() after the price was updated to 999.00")
                .containsExactly(cheaper);
    }

    @Test
    void deleteDeletesTheCachedList() {
        Property loft = repository.insert(Listings.loft());
        Property cottage = repository.insert(Listings.cottage());
        service.getAllProperties();

        assertThat(service.deleteProperty(loft.id()))
                .as("deleteProperty() of a stored listing")
                .isTrue();

        assertThat(redis.exists(KEY))
                .as("Redis key %s right after deleteProperty()", KEY)
                .isFalse();
        assertThat(service.getAllProperties())
                .as("getAllProperties() after deleting the loft")
                .containsExactly(cottage);
    }

    /**
     * Another visitor can load the page while a listing is being written. Here the repository runs that reader
     * at the worst moment a correct service allows, just before the database changes. If the key was deleted
     * before the write instead of after it, this reader finds no key, reads the old list and caches it again
     * for an hour.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"createProperty", "updateProperty", "deleteProperty"})
    void aReaderJustBeforeTheDatabaseWriteCannotLeaveTheOldListCached(String write) {
        Property loft = repository.insert(Listings.loft());
        Property cottage = repository.insert(Listings.cottage());
        service.getAllProperties();
        repository.beforeEachWrite(service::getAllProperties);

        List<Property> expected = switch (write) {
            case "createProperty" -> {
                Property villa = service.createProperty(Listings.villa());
                yield List.of(loft, cottage, villa);
            }
            case "updateProperty" -> {
                Property cheaper = Listings.repriced(loft, "999.00");
                service.updateProperty(cheaper);
                yield List.of(cheaper, cottage);
            }
            case "deleteProperty" -> {
                service.deleteProperty(loft.id());
                yield List.of(cottage);
            }
            default -> throw new IllegalArgumentException(write);
        };
        repository.beforeEachWrite(() -> {});

        assertThat(service.getAllProperties())
                .as(
                        "getAllProperties() after %s(), when another getAllProperties() ran just before the database "
                                + "write (write the database first, then DEL %s)",
                        write, KEY)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void cachesAnEmptyListToo() {
        assertThat(service.getAllProperties())
                .as("getAllProperties() with no listings stored")
                .isEmpty();
        assertThat(service.getAllProperties()).isEmpty();
        assertThat(repository.findAllCalls())
                .as("database reads for two getAllProperties() with no listings")
                .isEqualTo(1);
    }
}

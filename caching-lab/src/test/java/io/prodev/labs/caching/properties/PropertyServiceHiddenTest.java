package io.prodev.labs.caching.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.RedisTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

@Task("7")
@Hidden
@RedisTest
class PropertyServiceHiddenTest {

    private static final List<String> LOCATIONS = List.of("Addis Ababa", "Bahir Dar", "Gondar", "Hawassa", "Mekelle");

    @TempDir
    Path dir;

    /**
     * The model is the list the database must hold, and whether the cached list is known to be there (a read
     * since the last write), known to be gone (a write since the last read) or unknown (a write that changed
     * nothing, which may or may not drop it). Reads must return the model's list, and reach the database
     * exactly when the cached list is gone.
     */
    @Hint(
            "over a long random mix of creates, updates, deletes and reads through the service, every read must return what the database holds, and only a read after a change may query the database")
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1})
    void everyReadAgreesWithTheDatabaseOnRandomOperations(long seed, RedisClient redis) {
        RecordingPropertyRepository repository = new RecordingPropertyRepository(dir.resolve("listings.db"));
        PropertyService service = new PropertyService(repository, redis);
        Random random = new Random(seed);
        List<Property> model = new ArrayList<>();
        Boolean cached = false;
        List<String> recent = new ArrayList<>();

        for (int i = 0; i < 100; i++) {
            int roll = random.nextInt(12);
            String context;
            if (roll < 5) {
                remember(recent, "read");
                context = context(i, seed, recent);
                int readsBefore = repository.findAllCalls();
                assertThat(service.getAllProperties())
                        .as("getAllProperties(), %s", context)
                        .containsExactlyElementsOf(model);
                int databaseReads = repository.findAllCalls() - readsBefore;
                if (cached != null) {
                    assertThat(databaseReads)
                            .as(
                                    "database reads (findAll) by getAllProperties() when the cached list was %s, %s",
                                    cached ? "there" : "dropped by a change", context)
                            .isEqualTo(cached ? 0 : 1);
                }
                cached = true;
            } else if (roll < 8 || model.isEmpty()) {
                Property listing = randomListing(random, i);
                remember(recent, "create " + listing.title());
                context = context(i, seed, recent);
                Property saved = service.createProperty(listing);
                assertThat(saved).as("createProperty(...), %s", context).isEqualTo(listing.withId(saved.id()));
                model.add(saved);
                cached = false;
            } else if (roll < 10) {
                int index = random.nextInt(model.size());
                Property changed = Listings.repriced(model.get(index), cents(random));
                remember(recent, "update id " + changed.id() + " to " + changed.price());
                context = context(i, seed, recent);
                assertThat(service.updateProperty(changed))
                        .as("updateProperty(...) of a stored listing, %s", context)
                        .isTrue();
                model.set(index, changed);
                cached = false;
            } else if (roll < 11) {
                Property removed = model.remove(random.nextInt(model.size()));
                remember(recent, "delete id " + removed.id());
                context = context(i, seed, recent);
                assertThat(service.deleteProperty(removed.id()))
                        .as("deleteProperty(%d) of a stored listing, %s", removed.id(), context)
                        .isTrue();
                cached = false;
            } else {
                long missing = 10_000 + i;
                boolean update = random.nextBoolean();
                remember(recent, (update ? "update" : "delete") + " missing id " + missing);
                context = context(i, seed, recent);
                boolean changed = update
                        ? service.updateProperty(Listings.loft().withId(missing))
                        : service.deleteProperty(missing);
                assertThat(changed)
                        .as(
                                "%s of id %d, which is not stored, %s",
                                update ? "updateProperty" : "deleteProperty", missing, context)
                        .isFalse();
                cached = Boolean.FALSE.equals(cached) ? Boolean.FALSE : null;
            }
        }
    }

    @Hint("prices and creation times must come back exactly as they were given, from the database and from the cache")
    @Test
    void pricesAndTimesComeBackExactlyFromTheDatabaseAndFromTheCache(RedisClient redis) {
        RecordingPropertyRepository repository = new RecordingPropertyRepository(dir.resolve("listings.db"));
        PropertyService service = new PropertyService(repository, redis);
        // Doubles this large are 1/8 apart: no double holds this price, or its cents, to the cent.
        Property penthouse = service.createProperty(Property.unsaved(
                "Tower penthouse",
                "Top floor",
                new BigDecimal("987654321098765.43"),
                "Addis Ababa",
                Instant.parse("2026-01-01T09:00:00.123456789Z")));
        Property free = service.createProperty(Property.unsaved(
                "Spare room", "", new BigDecimal("0.01"), "Gondar", Instant.parse("1969-12-31T23:59:59.999999999Z")));

        assertThat(repository.findAll())
                .as("findAll() of listings priced 987654321098765.43 and 0.01, created at "
                        + "2026-01-01T09:00:00.123456789Z and 1969-12-31T23:59:59.999999999Z")
                .containsExactly(penthouse, free);
        assertThat(service.getAllProperties())
                .as("getAllProperties() of the same listings, read from the database")
                .containsExactly(penthouse, free);
        assertThat(service.getAllProperties())
                .as("getAllProperties() of the same listings, read back from Redis")
                .containsExactly(penthouse, free);
    }

    @Hint("the price is stored as a whole number of cents in an INTEGER column, and the creation time as ISO-8601 text")
    @Test
    void storesThePriceAsWholeCentsAndTheTimeAsIsoText() throws SQLException {
        Path file = dir.resolve("listings.db");
        new PropertyRepository(file)
                .insert(Property.unsaved(
                        "Sunny loft",
                        "Two rooms",
                        new BigDecimal("1250.50"),
                        "Addis Ababa",
                        Instant.parse("2026-01-01T09:00:00Z")));

        assertThat(storedCells(file))
                .as("each column of the stored row of a listing priced 1250.50, created at 2026-01-01T09:00:00Z, "
                        + "as SQLite's typeof:value")
                .contains("integer:125050", "text:2026-01-01T09:00:00Z");
    }

    @Hint("INFO counters grow for as long as the server runs: they do not fit in an int")
    @Test
    void readsCountersBeyondTheRangeOfAnInt() {
        CacheMetrics metrics = CacheMetrics.parse(String.join(
                "\r\n", "# Stats", "keyspace_misses:3000000000", "evicted_keys:0", "keyspace_hits:9000000000", ""));

        assertThat(metrics.hits())
                .as("hits read from 'keyspace_hits:9000000000'")
                .isEqualTo(9_000_000_000L);
        assertThat(metrics.misses())
                .as("misses read from 'keyspace_misses:3000000000'")
                .isEqualTo(3_000_000_000L);
        assertThat(metrics.hitRatio())
                .as("hit ratio for 9e9 hits and 3e9 misses")
                .isEqualTo(0.75);
    }

    /** Every cell of every row of the property table, as "typeof:value" (SQLite's storage class and text). */
    private static List<String> storedCells(Path file) throws SQLException {
        List<String> cells = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement statement = connection.createStatement()) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT * FROM property")) {
                ResultSetMetaData metadata = rows.getMetaData();
                for (int c = 1; c <= metadata.getColumnCount(); c++) {
                    columns.add(metadata.getColumnName(c));
                }
            }
            for (String column : columns) {
                String quoted = "\"" + column.replace("\"", "\"\"") + "\"";
                try (ResultSet rows =
                        statement.executeQuery("SELECT typeof(" + quoted + "), " + quoted + " FROM property")) {
                    while (rows.next()) {
                        cells.add(rows.getString(1) + ":" + rows.getString(2));
                    }
                }
            }
        }
        return cells;
    }

    private static Property randomListing(Random random, int i) {
        return Property.unsaved(
                "Listing " + i,
                random.nextBoolean() ? "" : "Rooms: " + (1 + random.nextInt(5)),
                new BigDecimal(cents(random)),
                LOCATIONS.get(random.nextInt(LOCATIONS.size())),
                Listings.CREATED.plusSeconds(60L * i));
    }

    private static String cents(Random random) {
        return BigDecimal.valueOf(random.nextInt(500_000), 2).toPlainString();
    }

    private static String context(int operation, long seed, List<String> recent) {
        return String.format("operation #%d (seed %d); the last operations: %s", operation, seed, recent);
    }

    private static void remember(List<String> recent, String operation) {
        recent.add(operation);
        if (recent.size() > 8) {
            recent.remove(0);
        }
    }
}

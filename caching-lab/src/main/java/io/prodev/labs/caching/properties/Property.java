package io.prodev.labs.caching.properties;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A property listing, as stored in the database and in the Redis cache.
 *
 * <p>A listing that is not stored yet has id 0; {@link PropertyRepository#insert} returns it with the
 * id the database gave it. The canonical constructor checks every field, so a {@code Property} that
 * exists is valid (this also holds for listings read back from the cache).
 *
 * @param id          the database id, or 0 for a listing not stored yet
 * @param title       1 to {@value #MAX_TITLE_LENGTH} characters, not blank
 * @param description free text, may be empty
 * @param price       0 or more, at most 2 decimals; always held with scale 2 ({@code 1250} becomes {@code 1250.00})
 * @param location    1 to {@value #MAX_LOCATION_LENGTH} characters, not blank
 * @param createdAt   when the listing was created
 */
public record Property(
        long id, String title, String description, BigDecimal price, String location, Instant createdAt) {

    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_LOCATION_LENGTH = 100;
    /** Prices are money: two decimals, never rounded silently. */
    public static final int PRICE_SCALE = 2;

    /**
     * @throws IllegalArgumentException naming the bad value, if a field breaks its rule above
     * @throws NullPointerException     if a field is null
     */
    public Property {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(createdAt, "createdAt");
        // BEGIN SOLUTION
        if (id < 0) {
            throw new IllegalArgumentException("id must be 0 (not stored yet) or more, got: " + id);
        }
        requireText("title", title, MAX_TITLE_LENGTH);
        requireText("location", location, MAX_LOCATION_LENGTH);
        if (price.signum() < 0) {
            throw new IllegalArgumentException("price must be 0 or more, got: " + price.toPlainString());
        }
        if (price.stripTrailingZeros().scale() > PRICE_SCALE) {
            throw new IllegalArgumentException(
                    "price must have at most " + PRICE_SCALE + " decimals, got: " + price.toPlainString());
        }
        price = price.setScale(PRICE_SCALE);
        // END SOLUTION
    }

    /** A listing not stored yet (id 0). */
    public static Property unsaved(
            String title, String description, BigDecimal price, String location, Instant createdAt) {
        return new Property(0, title, description, price, location, createdAt);
    }

    /** This listing with another id: what the repository returns after an insert. */
    public Property withId(long newId) {
        return new Property(newId, title, description, price, location, createdAt);
    }

    // BEGIN SOLUTION: remove
    private static void requireText(String field, String value, int maxLength) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank, got: \"" + value + "\"");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters, got "
                    + value.length() + ": \"" + value + "\"");
        }
    }
    // END SOLUTION
}

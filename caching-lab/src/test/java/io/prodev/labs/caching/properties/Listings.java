package io.prodev.labs.caching.properties;

import java.math.BigDecimal;
import java.time.Instant;

/** Sample listings for the task 7 tests. */
final class Listings {

    static final Instant CREATED = Instant.parse("2026-01-01T09:00:00Z");

    private Listings() {}

    static Property loft() {
        return Property.unsaved(
                "Sunny loft", "Two rooms, top floor", new BigDecimal("1250.00"), "Addis Ababa", CREATED);
    }

    static Property cottage() {
        return Property.unsaved(
                "Garden cottage",
                "Quiet, near the lake",
                new BigDecimal("830.50"),
                "Bahir Dar",
                CREATED.plusSeconds(3600));
    }

    static Property villa() {
        return Property.unsaved(
                "Hillside villa", "Four rooms, a view", new BigDecimal("2400.00"), "Gondar", CREATED.plusSeconds(7200));
    }

    /** The same listing at another price. */
    static Property repriced(Property property, String price) {
        return new Property(
                property.id(),
                property.title(),
                property.description(),
                new BigDecimal(price),
                property.location(),
                property.createdAt());
    }
}

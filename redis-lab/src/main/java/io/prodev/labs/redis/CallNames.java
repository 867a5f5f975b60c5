package io.prodev.labs.redis;

/** The rule every decorator applies to the name it records a method under: a Redis key, so not null or blank. */
final class CallNames {

    private CallNames() {}

    /** @throws IllegalArgumentException naming the value, if {@code name} is null or blank */
    static void require(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be null or blank, got: " + CallRendering.render(name));
        }
    }
}

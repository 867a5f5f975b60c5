package io.prodev.labs.redis;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads a stored value back as the type the caller wants. Redis keeps only bytes: the type is the reader's
 * choice, made with a conversion. {@link Cache} implements {@link #raw}; you write the rest.
 */
public interface TypedReads {

    /** The bytes stored under {@code key}, untouched, or null when the key does not exist. */
    byte[] raw(String key);

    /**
     * The value under {@code key}, converted; null for a missing key, without calling the conversion.
     *
     * @throws IllegalArgumentException naming the key, if it is null or empty
     * @throws IllegalStateException    naming the key, if the conversion fails; its cause is the conversion's error
     */
    default <T> T get(String key, Function<byte[], T> conversion) {
        Objects.requireNonNull(conversion, "conversion");
        // BEGIN SOLUTION
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be null or empty, got: " + CallRendering.render(key));
        }
        byte[] value = raw(key);
        if (value == null) {
            return null;
        }
        try {
            return conversion.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "the value of key " + CallRendering.render(key) + " could not be converted: " + e.getMessage(), e);
        }
        // END SOLUTION
    }

    /** The value as UTF-8 text; bytes that are not UTF-8 fail as a conversion does, naming the key. */
    default String getStr(String key) {
        // BEGIN SOLUTION
        return get(key, TypedReads::strictUtf8);
        // END SOLUTION
    }

    /** The value as a decimal int ("42", "-7"); anything else fails as a conversion does, naming the key. */
    default Integer getInt(String key) {
        // BEGIN SOLUTION
        return get(key, bytes -> Integer.valueOf(strictUtf8(bytes)));
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    /** Decodes UTF-8, failing on malformed input where new String(...) would put U+FFFD in silently. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8 text: " + CallRendering.render(bytes), e);
        }
    }
    // END SOLUTION
}

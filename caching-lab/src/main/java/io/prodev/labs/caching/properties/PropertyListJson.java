package io.prodev.labs.caching.properties;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Turns a list of properties into the JSON text kept in Redis, and back. Given to you: the lab is
 * about when to read and drop the cache, not about JSON.
 *
 * <pre>{@code
 * [{"id":1,"title":"Loft","description":"Sunny","price":1250.00,"location":"Addis Ababa",
 *   "createdAt":"2026-01-01T09:00:00Z"}]
 * }</pre>
 */
final class PropertyListJson {

    /** ISO-8601 instants ("2026-01-01T09:00:00Z") rather than numbers, so the cached text reads well. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final TypeReference<List<Property>> LIST_OF_PROPERTIES = new TypeReference<>() {};

    private PropertyListJson() {}

    static String write(List<Property> properties) {
        try {
            return MAPPER.writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the property list as JSON", e);
        }
    }

    static List<Property> read(String json) {
        try {
            return List.copyOf(MAPPER.readValue(json, LIST_OF_PROPERTIES));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read a property list from JSON: " + e.getOriginalMessage(), e);
        }
    }
}

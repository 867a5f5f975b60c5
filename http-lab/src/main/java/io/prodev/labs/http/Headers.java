package io.prodev.labs.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The header fields of a request or a response, in the order they came. Names compare without regard to case, as
 * HTTP says ({@code content-length} and {@code Content-Length} are one field); each keeps the case it was given, so
 * a response goes out as it was written. A name may appear several times ({@code Set-Cookie}, {@code Via}).
 *
 * <p>Not thread-safe: a request's or a response's headers belong to the one thread that handles it.
 */
public final class Headers {

    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    /** An empty set of headers. */
    public Headers() {}

    /** A copy of {@code other}, which later changes to either do not affect the other. */
    public Headers(Headers other) {
        names.addAll(other.names);
        values.addAll(other.values);
    }

    /** Adds a field, keeping any earlier ones of the same name. Returns this, for chaining. */
    public Headers add(String name, String value) {
        names.add(checkName(name));
        values.add(checkValue(name, value));
        return this;
    }

    /** Replaces every field named {@code name} by one with this value. Returns this, for chaining. */
    public Headers set(String name, String value) {
        checkValue(name, value);
        remove(name);
        return add(name, value);
    }

    /** Removes every field named {@code name}; returns whether there was one. */
    public boolean remove(String name) {
        boolean removed = false;
        for (int i = names.size() - 1; i >= 0; i--) {
            if (names.get(i).equalsIgnoreCase(name)) {
                names.remove(i);
                values.remove(i);
                removed = true;
            }
        }
        return removed;
    }

    /** The value of the first field named {@code name}, if there is one. */
    public Optional<String> first(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return Optional.of(values.get(i));
            }
        }
        return Optional.empty();
    }

    /** The values of every field named {@code name}, in order; empty when there is none. */
    public List<String> all(String name) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                found.add(values.get(i));
            }
        }
        return found;
    }

    /** Whether a field named {@code name} is present. */
    public boolean contains(String name) {
        return first(name).isPresent();
    }

    /**
     * Whether a comma-separated field named {@code name} holds {@code token}, ignoring case: {@code
     * hasToken("Connection", "close")} is true for {@code Connection: Keep-Alive, Close}.
     */
    public boolean hasToken(String name, String token) {
        for (String value : all(name)) {
            for (String part : value.split(",")) {
                if (part.trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Calls {@code action} with each field's name and value, in order. */
    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < names.size(); i++) {
            action.accept(names.get(i), values.get(i));
        }
    }

    /** The field names in order, as given, a name once per field. */
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(names));
    }

    /** The number of fields. */
    public int size() {
        return names.size();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        return text.toString();
    }

    /** A name is an HTTP token: letters, digits and {@code !#$%&'*+-.^_`|~}, at least one. */
    private static String checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a header name must not be empty: " + name);
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isTokenChar(name.charAt(i))) {
                throw new IllegalArgumentException("not a valid header name: \"" + name + "\"");
            }
        }
        return name;
    }

    /** A value must not hold CR, LF or NUL: one that did could add headers of its own (response splitting). */
    private static String checkValue(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException("header " + name + " needs a value, got null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("header " + name + " must not contain CR, LF or NUL: \""
                        + value.replace("\r", "\\r").replace("\n", "\\n") + "\"");
            }
        }
        return value;
    }

    /** Whether {@code c} may appear in a header name or method (RFC 9110's tchar). */
    static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}

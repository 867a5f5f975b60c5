package io.prodev.labs.redis;

/**
 * How a recorded call's input and output are written to Redis, and read back by {@link Replay}: a string in double
 * quotes with Java's escapes ({@code "say \"hi\""}), bytes in hex ({@code bytes[68 69]}), a number or anything
 * else as {@code String.valueOf} writes it, and a call that threw as {@code threw <exception class>: <message>}.
 * The forms cannot be mistaken for one another: only a thrown exception starts with a letter and a space.
 */
public final class CallRendering {

    static final String THREW = "threw ";

    private CallRendering() {}

    /** The text a history keeps for a value. */
    public static String render(Object value) {
        if (value instanceof CharSequence text) {
            return quote(text);
        }
        if (value instanceof byte[] bytes) {
            StringBuilder hex = new StringBuilder("bytes[");
            for (int i = 0; i < bytes.length; i++) {
                hex.append(i == 0 ? "" : " ").append(String.format("%02x", bytes[i]));
            }
            return hex.append(']').toString();
        }
        return String.valueOf(value);
    }

    /** The text a history keeps for a call that threw instead of returning. */
    public static String thrown(Throwable failure) {
        return THREW + failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private static String quote(CharSequence text) {
        StringBuilder quoted = new StringBuilder("\"");
        text.chars().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format("\\u%04x", c));
                    } else {
                        quoted.append((char) c);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }
}

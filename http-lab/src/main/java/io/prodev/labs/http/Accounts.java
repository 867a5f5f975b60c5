package io.prodev.labs.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users {@link Authentication} knows: a name, a password and a role each. Kept in memory; fine for a lab, while
 * a real server keeps salted password hashes, never the passwords.
 *
 * <pre>{@code
 * Accounts accounts = new Accounts().add("alice", "wonderland", "admin").add("bob", "builder", "editor");
 * }</pre>
 */
public final class Accounts {

    private record Account(byte[] password, String role) {}

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    /**
     * Adds (or replaces) a user. Returns this, for chaining.
     *
     * @throws IllegalArgumentException naming the value: a user that is empty or holds a colon (Basic authentication
     *     splits {@code user:password} at the first one) or a control character, an empty password, or a role that is
     *     not a token of letters, digits, {@code -} and {@code _}
     */
    public Accounts add(String user, String password, String role) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(role, "role");
        if (user.isEmpty() || user.indexOf(':') >= 0 || user.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException(
                    "a user name must not be empty nor hold a colon or a control character, got \""
                            + user.replace("\r", "\\r").replace("\n", "\\n") + "\"");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("user " + user + " needs a password, got an empty one");
        }
        if (!role.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException(
                    "a role is letters, digits, - and _, got \"" + role.replace("\n", "\\n") + "\"");
        }
        accounts.put(user, new Account(password.getBytes(StandardCharsets.UTF_8), role));
        return this;
    }

    /**
     * The role of {@code user} when {@code password} is theirs, empty for an unknown user or a wrong password. The
     * password is compared in constant time, so the time an answer takes does not tell how much of it was right.
     */
    public Optional<String> roleOf(String user, String password) {
        Account account = accounts.get(user);
        byte[] given = password.getBytes(StandardCharsets.UTF_8);
        if (account == null) {
            MessageDigest.isEqual(given, given); // about the same work as for a known user
            return Optional.empty();
        }
        return MessageDigest.isEqual(account.password(), given) ? Optional.of(account.role()) : Optional.empty();
    }
}

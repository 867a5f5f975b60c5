package io.prodev.labs.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An OpenSSH known_hosts file: which key each server showed before. Reads plain entries ({@code host},
 * {@code [host]:port}, several names separated by commas) and hashed ones ({@code |1|salt|hash}), and records a new
 * server's key as a plain line.
 */
public final class KnownHosts {

    private final Path file;
    // BEGIN SOLUTION: remove
    /** One usable line: who it names (plain names or hashes), the key type and the key. */
    private record Entry(List<String> hostPatterns, String keyType, byte[] key) {}

    private final List<Entry> entries = new ArrayList<>();
    // END SOLUTION

    private KnownHosts(Path file) {
        this.file = file;
    }

    /**
     * The known hosts in {@code file}; none when it does not exist. Blank lines, {@code #} comments, lines with a
     * marker ({@code @cert-authority}, {@code @revoked}) and lines that are not {@code hosts type base64-key
     * [comment]} are skipped.
     *
     * @throws IOException if the file exists but cannot be read
     */
    public static KnownHosts load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        // BEGIN SOLUTION
        KnownHosts knownHosts = new KnownHosts(file);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                knownHosts.read(line);
            }
        }
        return knownHosts;
        // END SOLUTION
    }

    /** The file this was loaded from, and {@link #add} appends to. */
    public Path file() {
        return file;
    }

    /**
     * What the file says about {@code key} (a public key blob of {@code keyType}, "ssh-ed25519") shown by the server
     * at {@code host} and {@code port}. Port 22 is written {@code host}, any other {@code [host]:port}; host names
     * match whatever their case.
     *
     * @throws IllegalArgumentException naming the value, for a blank host or a port outside 1 to 65535
     */
    public HostKeyVerdict check(String host, int port, String keyType, byte[] key) {
        String name = hostName(host, port);
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(key, "key");
        // BEGIN SOLUTION
        boolean sameTypeSeen = false;
        for (Entry entry : entries) {
            if (!entry.keyType().equals(keyType) || !names(entry, name)) {
                continue;
            }
            if (MessageDigest.isEqual(entry.key(), key)) {
                return HostKeyVerdict.KNOWN; // any line with this very key vouches for it
            }
            sameTypeSeen = true;
        }
        return sameTypeSeen ? HostKeyVerdict.CHANGED : HostKeyVerdict.UNKNOWN;
        // END SOLUTION
    }

    /**
     * Records {@code key} for {@code host} and {@code port}: appends {@code host type base64} (or {@code [host]:port
     * type base64}) as a line of its own to the file, creating it (not its folder) when missing; {@link #check}
     * then finds it KNOWN.
     *
     * @throws IllegalArgumentException naming the value, for a blank host or a port outside 1 to 65535
     */
    public void add(String host, int port, String keyType, byte[] key) throws IOException {
        String name = hostName(host, port);
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(key, "key");
        // BEGIN SOLUTION
        String line = name + " " + keyType + " " + Base64.getEncoder().encodeToString(key) + "\n";
        // A file whose last line has no line feed would otherwise get this one glued to its end.
        boolean needsLineFeed = Files.exists(file) && Files.size(file) > 0 && !endsWithLineFeed(file);
        Files.writeString(
                file,
                (needsLineFeed ? "\n" : "") + line,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        entries.add(new Entry(List.of(name), keyType, key.clone()));
        // END SOLUTION
    }

    /** How known_hosts writes a server: {@code host} for port 22, {@code [host]:port} otherwise, in lower case. */
    public static String hostName(String host, int port) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(
                    "host must not be blank, got: " + (host == null ? "null" : "\"" + host + "\""));
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1 to 65535, got: " + port);
        }
        String lower = host.toLowerCase(Locale.ROOT);
        return port == 22 ? lower : "[" + lower + "]:" + port;
    }

    // BEGIN SOLUTION: remove
    private void read(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("@")) {
            return;
        }
        String[] fields = trimmed.split("\\s+");
        if (fields.length < 3) {
            return;
        }
        try {
            byte[] key = Base64.getDecoder().decode(fields[2]);
            entries.add(new Entry(Arrays.asList(fields[0].split(",")), fields[1], key));
        } catch (IllegalArgumentException notBase64) {
            // not a key: skipped, as ssh skips it
        }
    }

    private static boolean names(Entry entry, String name) {
        for (String pattern : entry.hostPatterns()) {
            if (pattern.startsWith("|1|")
                    ? hashedNames(pattern, name)
                    : pattern.toLowerCase(Locale.ROOT).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** {@code |1|salt|hash}: hash is HMAC-SHA1 of the name, keyed with salt (both base64). */
    private static boolean hashedNames(String pattern, String name) {
        String[] parts = pattern.split("\\|");
        if (parts.length != 4) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return MessageDigest.isEqual(hash, hmac.doFinal(name.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | GeneralSecurityException notAHash) {
            return false;
        }
    }

    private static boolean endsWithLineFeed(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return bytes[bytes.length - 1] == '\n';
    }
    // END SOLUTION
}

package io.prodev.labs.ssh;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Generates SSH key pairs the way {@code ssh-keygen} does: the private key in OpenSSH's format, readable by its
 * owner only, and the public key as one line beside it, so OpenSSH and every SSH library can use them.
 */
public final class KeyPairs {

    /** The shortest passphrase ssh-keygen accepts. */
    public static final int MIN_PASSPHRASE_LENGTH = 5;

    public static final int MIN_RSA_BITS = 2048;
    public static final int MAX_RSA_BITS = 16384;

    private KeyPairs() {}

    /** {@link #generate(KeyType, int, Path, String, String)} with the type's default size (RSA: 4096 bits). */
    public static GeneratedKey generate(KeyType type, Path privateKey, String comment, String passphrase)
            throws IOException {
        Objects.requireNonNull(type, "type");
        return generate(type, type.defaultBits(), privateKey, comment, passphrase);
    }

    /**
     * Generates a new key pair and writes it to {@code privateKey} and {@code privateKey + ".pub"}.
     *
     * @param bits 256 for ED25519; 2048 to 16384 for RSA
     * @param comment the public key line's comment, often {@code user@host}; "" for none
     * @param passphrase encrypts the private key when not null or empty
     * @return where the key went, its size and its SHA-256 fingerprint
     * @throws FileAlreadyExistsException naming the file, if either file exists; nothing is written then
     * @throws IllegalArgumentException naming the value: a size the type does not have, a null comment or one with
     *     a line break, a passphrase shorter than {@link #MIN_PASSPHRASE_LENGTH}
     * @throws IOException if a file cannot be written (a missing folder: {@link java.nio.file.NoSuchFileException});
     *     nothing is left behind then
     */
    public static GeneratedKey generate(KeyType type, int bits, Path privateKey, String comment, String passphrase)
            throws IOException {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(privateKey, "privateKey");
        // BEGIN SOLUTION
        requireBits(type, bits);
        if (comment == null || comment.contains("\n") || comment.contains("\r")) {
            throw new IllegalArgumentException(
                    "comment must be one line (\"\" for none), got: " + (comment == null ? "null" : quoted(comment)));
        }
        boolean encrypted = passphrase != null && !passphrase.isEmpty();
        if (encrypted && passphrase.length() < MIN_PASSPHRASE_LENGTH) {
            throw new IllegalArgumentException("passphrase must have at least " + MIN_PASSPHRASE_LENGTH
                    + " characters, got " + passphrase.length());
        }
        Path publicKey = publicKeyOf(privateKey);
        for (Path file : List.of(privateKey, publicKey)) {
            // Checked before anything is generated, so an existing key costs no key generation and loses nothing.
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(file.toString(), null, "a key is never overwritten");
            }
        }

        KeyPair pair = newKeyPair(type, bits);
        try {
            ByteArrayOutputStream privateText = new ByteArrayOutputStream();
            pair.writeOpenSSHv1PrivateKey(privateText, encrypted ? passphrase.getBytes(StandardCharsets.UTF_8) : null);
            byte[] blob = pair.getPublicKeyBlob();
            String publicLine = type.sshName() + " " + Base64.getEncoder().encodeToString(blob)
                    + (comment.isEmpty() ? "" : " " + comment) + "\n";

            writeNewFile(privateKey, privateText.toByteArray(), "rw-------");
            try {
                writeNewFile(publicKey, publicLine.getBytes(StandardCharsets.UTF_8), "rw-r--r--");
            } catch (IOException e) {
                Files.deleteIfExists(privateKey); // half a key pair is of no use to anyone
                throw e;
            }
            return new GeneratedKey(privateKey, publicKey, type, bits, fingerprint(blob), comment);
        } catch (JSchException e) {
            throw new IOException("could not write the " + type + " key: " + e.getMessage(), e);
        } finally {
            pair.dispose();
        }
        // END SOLUTION
    }

    /** Where the public key of {@code privateKey} goes: the same name with ".pub" added. */
    public static Path publicKeyOf(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }

    // BEGIN SOLUTION: remove
    private static void requireBits(KeyType type, int bits) {
        boolean fits = switch (type) {
            case ED25519 -> bits == 256;
            case RSA -> bits >= MIN_RSA_BITS && bits <= MAX_RSA_BITS;
        };
        if (!fits) {
            String sizes = type == KeyType.ED25519 ? "256" : MIN_RSA_BITS + " to " + MAX_RSA_BITS;
            throw new IllegalArgumentException(type + " keys have " + sizes + " bits, got: " + bits);
        }
    }

    private static KeyPair newKeyPair(KeyType type, int bits) throws IOException {
        try {
            return type == KeyType.ED25519
                    ? KeyPair.genKeyPair(new JSch(), KeyPair.ED25519)
                    : KeyPair.genKeyPair(new JSch(), KeyPair.RSA, bits);
        } catch (JSchException e) {
            throw new IOException("could not generate a " + type + " key: " + e.getMessage(), e);
        }
    }

    /**
     * Creates the file with its permissions already set, then writes it: a private key that is world-readable
     * even for a moment can be read in that moment.
     */
    private static void writeNewFile(Path file, byte[] content, String posixPermissions) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(
                    file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(posixPermissions)));
        } else {
            Files.createFile(file);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(content);
        }
    }

    private static String fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }
    // END SOLUTION
}

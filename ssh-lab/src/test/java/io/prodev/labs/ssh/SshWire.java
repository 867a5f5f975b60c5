package io.prodev.labs.ssh;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads what the tests check in SSH's binary formats (RFC 4251): a public key blob, and the head of an OpenSSH
 * private key file, are runs of fields, each a 4-byte big-endian length and that many bytes.
 */
final class SshWire {

    private SshWire() {}

    /** The length-prefixed fields of {@code bytes}, from {@code offset} to the end. */
    static List<byte[]> fields(byte[] bytes, int offset) {
        List<byte[]> fields = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset, bytes.length - offset))) {
            while (in.available() >= 4) {
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    break; // not a field: the rest is not in this format
                }
                byte[] field = new byte[length];
                in.readFully(field);
                fields.add(field);
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
        return fields;
    }

    static String text(byte[] field) {
        return new String(field, StandardCharsets.US_ASCII);
    }

    /** The blob of a public key line "type base64 comment". */
    static byte[] blobOf(String publicKeyLine) {
        return Base64.getDecoder().decode(publicKeyLine.trim().split(" ")[1]);
    }

    static byte[] blobOfFile(Path publicKey) throws IOException {
        return blobOf(Files.readString(publicKey));
    }

    /** An RSA blob's modulus (its third field: "ssh-rsa", e, n). */
    static BigInteger rsaModulus(byte[] blob) {
        return new BigInteger(fields(blob, 0).get(2));
    }

    static String sha256Fingerprint(byte[] blob) throws NoSuchAlgorithmException {
        return "SHA256:"
                + Base64.getEncoder()
                        .withoutPadding()
                        .encodeToString(MessageDigest.getInstance("SHA-256").digest(blob));
    }

    /** The cipher and key-derivation names in an OpenSSH private key file ("none" and "none" when unencrypted). */
    static List<String> cipherAndKdf(Path privateKey) throws IOException {
        String body = Files.readString(privateKey)
                .replace("-----BEGIN OPENSSH PRIVATE KEY-----", "")
                .replace("-----END OPENSSH PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        byte[] bytes = Base64.getDecoder().decode(body);
        String magic = "openssh-key-v1\0";
        if (!new String(bytes, 0, magic.length(), StandardCharsets.US_ASCII).equals(magic)) {
            throw new IllegalStateException(privateKey + " does not start with " + magic.trim());
        }
        List<byte[]> fields = fields(bytes, magic.length());
        return List.of(text(fields.get(0)), text(fields.get(1)));
    }
}

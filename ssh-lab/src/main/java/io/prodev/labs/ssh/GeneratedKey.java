package io.prodev.labs.ssh;

import java.nio.file.Path;

/**
 * A key pair that {@link KeyPairs#generate} wrote: where its two files are, and how to recognise the key.
 *
 * @param privateKey the private key file, in OpenSSH's format
 * @param publicKey the public key file, {@code privateKey} with ".pub" added
 * @param type the key's type
 * @param bits the key's size in bits (256 for ED25519)
 * @param fingerprint the SHA-256 fingerprint as OpenSSH writes it: {@code SHA256:} and the unpadded base64 of the
 *     SHA-256 of the public key blob
 * @param comment the comment at the end of the public key line ("" for none)
 */
public record GeneratedKey(
        Path privateKey, Path publicKey, KeyType type, int bits, String fingerprint, String comment) {

    /**
     * The line {@code ssh-keygen -l -f <publicKey>} prints: {@code 256 SHA256:... alice@laptop (ED25519)}, with
     * "no comment" in place of an empty comment.
     */
    public String fingerprintLine() {
        return bits + " " + fingerprint + " " + (comment.isEmpty() ? "no comment" : comment) + " (" + type.label()
                + ")";
    }
}

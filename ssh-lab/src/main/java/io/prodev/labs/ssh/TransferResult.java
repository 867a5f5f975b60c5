package io.prodev.labs.ssh;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a file transfer copied: from where, to where, how many bytes, and their SHA-256, which the server's {@code
 * sha256sum} confirmed.
 *
 * @param from the source: the local path for an upload, the remote path for a download
 * @param to the destination: the remote path for an upload, the local path for a download
 * @param bytes how many bytes were copied, 0 or more
 * @param sha256 the SHA-256 of those bytes, 64 lowercase hexadecimal digits
 */
public record TransferResult(String from, String to, long bytes, String sha256) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public TransferResult {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be 0 or more, got: " + bytes);
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hexadecimal digits, got: " + sha256);
        }
    }
}

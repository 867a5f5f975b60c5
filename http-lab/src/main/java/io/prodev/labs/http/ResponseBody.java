package io.prodev.labs.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The body of a response: its length when known, and a way to write it. A body from a stream is copied as it is
 * read, never held in memory whole, so a server can pass on a file or a backend's answer of any size.
 */
public interface ResponseBody {

    /** The number of bytes {@link #writeTo} writes, or -1 when it is not known in advance (then it is sent chunked). */
    long length();

    /** Writes the body to {@code out} and releases what it holds (closes its stream). Called at most once. */
    void writeTo(OutputStream out) throws IOException;

    /** Releases what the body holds without writing it (a HEAD request, a failed connection). */
    default void discard() throws IOException {}

    /** No bytes. */
    static ResponseBody empty() {
        return of(new byte[0]);
    }

    /** These bytes (not copied: do not change the array afterwards). */
    static ResponseBody of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new ResponseBody() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(bytes);
            }
        };
    }

    /** The text in UTF-8. */
    static ResponseBody of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The bytes of {@code in}, copied 8 KiB at a time; {@code length} is how many it holds, or -1 when unknown. The
     * stream is closed once written or discarded.
     */
    static ResponseBody of(InputStream in, long length) {
        Objects.requireNonNull(in, "in");
        if (length < -1) {
            throw new IllegalArgumentException("a body length is -1 (unknown) or more, got " + length);
        }
        return new ResponseBody() {
            @Override
            public long length() {
                return length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                try (in) {
                    byte[] buffer = new byte[8192];
                    long written = 0;
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        out.write(buffer, 0, n);
                        written += n;
                    }
                    if (length >= 0 && written != length) {
                        throw new IOException("the body promised " + length + " bytes but had " + written);
                    }
                }
            }

            @Override
            public void discard() throws IOException {
                in.close();
            }
        };
    }
}

package io.prodev.labs.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The two ways an HTTP/1.1 message says where its body ends: a {@code Content-Length} (the next N bytes) and the
 * chunked transfer coding (chunks, each with its size in hex, then a chunk of size 0). A server needs both to read
 * requests and a proxy to read its backends' responses; the next message starts right after the body, so a stream
 * here never reads one byte past it.
 */
public final class BodyStreams {

    private BodyStreams() {}

    /**
     * The next {@code length} bytes of {@code in}, then the end of the stream. Closing it does not close {@code in}
     * (the connection goes on). If {@code in} ends early, a read throws an {@link EOFException} saying how many bytes
     * came of how many.
     */
    public static InputStream fixedLength(InputStream in, long length) {
        if (length < 0) {
            throw new IllegalArgumentException("a body length must be 0 or more, got " + length);
        }
        // BEGIN SOLUTION
        return new FixedLengthInputStream(in, length);
        // END SOLUTION
    }

    /**
     * Decodes a chunked body from {@code in}: the chunks' data, then the end of the stream after the last chunk (size
     * 0) and its trailer fields, which are read and dropped. A malformed chunk size or a chunk not followed by CRLF
     * throws {@code HttpProtocolException} with status 400; more than {@code maxBytes} bytes of data, status 413.
     * Closing it does not close {@code in}.
     */
    public static InputStream chunked(InputStream in, long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("the body limit must be 0 or more, got " + maxBytes);
        }
        // BEGIN SOLUTION
        return new ChunkedInputStream(in, maxBytes);
        // END SOLUTION
    }

    /**
     * Encodes what is written to it as chunks on {@code out}: each non-empty write becomes one chunk ({@code
     * <size in hex>\r\n<data>\r\n}); {@code close()} writes the last chunk ({@code 0\r\n\r\n}) and flushes, but
     * does not close {@code out}.
     */
    public static OutputStream chunkedEncoder(OutputStream out) {
        // BEGIN SOLUTION
        return new ChunkedOutputStream(out);
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private static final class FixedLengthInputStream extends InputStream {
        private final InputStream in;
        private final long length;
        private long remaining;

        FixedLengthInputStream(InputStream in, long length) {
            this.in = in;
            this.length = length;
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            if (count == 0) {
                return 0;
            }
            int n = in.read(buffer, offset, (int) Math.min(count, remaining));
            if (n < 0) {
                throw new EOFException("the body ended after " + (length - remaining) + " of " + length + " bytes");
            }
            remaining -= n;
            return n;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), remaining);
        }

        @Override
        public void close() {
            // The connection's stream stays open for the next message.
        }
    }

    private static final class ChunkedInputStream extends InputStream {
        private final InputStream in;
        private final long maxBytes;
        private long total;
        private long chunkRemaining;
        private boolean done;

        ChunkedInputStream(InputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            if (count == 0) {
                return 0;
            }
            if (chunkRemaining == 0 && !done) {
                startChunk();
            }
            if (done) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(count, chunkRemaining));
            if (n < 0) {
                throw new EOFException("the chunked body ended inside a chunk");
            }
            chunkRemaining -= n;
            if (chunkRemaining == 0) {
                expectCrlf();
            }
            return n;
        }

        /** Reads a chunk-size line; at the last chunk, the trailer fields and the empty line after them. */
        private void startChunk() throws IOException {
            String line = readLine();
            int extension = line.indexOf(';');
            String hex = (extension < 0 ? line : line.substring(0, extension)).trim();
            if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new HttpProtocolException(400, "bad chunk size: \"" + line + "\"");
            }
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailer fields: dropped
                }
                done = true;
                return;
            }
            total += size;
            if (total > maxBytes) {
                throw new HttpProtocolException(413, "the chunked body is over the limit of " + maxBytes + " bytes");
            }
            chunkRemaining = size;
        }

        private void expectCrlf() throws IOException {
            if (!readLine().isEmpty()) {
                throw new HttpProtocolException(400, "a chunk's data must be followed by CRLF");
            }
        }

        /** One line without its CRLF (or bare LF); at most 4 KiB, so a client cannot make it grow for ever. */
        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) {
                    throw new EOFException("the chunked body ended before its last chunk");
                }
                if (line.size() > 4096) {
                    throw new HttpProtocolException(400, "a chunk-size or trailer line is over 4 KiB");
                }
                line.write(b);
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }

        @Override
        public void close() {
            // The connection's stream stays open for the next message.
        }
    }

    private static final class ChunkedOutputStream extends FilterOutputStream {
        private boolean closed;

        ChunkedOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int count) throws IOException {
            if (closed) {
                throw new IOException("the chunked body was already closed");
            }
            if (count == 0) {
                return; // a chunk of size 0 would end the body
            }
            out.write((Integer.toHexString(count) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(buffer, offset, count);
            out.write(CRLF);
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                out.write(LAST_CHUNK);
                out.flush();
            }
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    // END SOLUTION
}

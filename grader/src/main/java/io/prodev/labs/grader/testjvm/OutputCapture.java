package io.prodev.labs.grader.testjvm;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for System.out and System.err during the run: keeps the first {@code limit} bytes a test
 * prints and only counts the rest, so a test that prints 100 MB costs time, not memory.
 */
final class OutputCapture extends OutputStream {

    private final int limit;
    private final byte[] kept;
    private int size;
    private long dropped;

    OutputCapture(int limit) {
        this.limit = limit;
        this.kept = new byte[limit];
    }

    PrintStream printStream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (size < limit) {
            kept[size++] = (byte) b;
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int room = Math.min(limit - size, length);
        if (room > 0) {
            System.arraycopy(bytes, offset, kept, size, room);
            size += room;
        }
        dropped += length - Math.max(room, 0);
    }

    /** What was printed since the last take, with a note of what was cut; resets the buffer. */
    synchronized String take() {
        String text = new String(kept, 0, size, StandardCharsets.UTF_8);
        if (dropped > 0) {
            text += "\n... (" + dropped + " more bytes of output cut)";
        }
        size = 0;
        dropped = 0;
        return text;
    }
}

package io.prodev.labs.grader.testjvm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes the fork's events as JSON lines, flushed one by one, so that whatever finished before a
 * crash or a kill at the time limit is on disk for the grader to read.
 */
final class EventWriter implements java.io.Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OutputStream out;

    EventWriter(Path file) throws IOException {
        this.out = Files.newOutputStream(
                file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    ObjectNode event(String type) {
        return JSON.createObjectNode().put("event", type);
    }

    synchronized void write(ObjectNode event) {
        try {
            out.write(JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a test event", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}

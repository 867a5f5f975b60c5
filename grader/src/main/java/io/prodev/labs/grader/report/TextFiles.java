package io.prodev.labs.grader.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** UTF-8 files written whole: into a sibling temporary file first, then moved over the target. */
public final class TextFiles {

    private TextFiles() {}

    /** Writes the text, creating missing parent folders; a reader never sees half a file. */
    public static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // Not Files.createTempFile: its files are private (0600), and reports are for others to read.
            // A file created the plain way gets the mode the umask gives, as any other file the user writes.
            Path temporary = parent.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try {
                Files.writeString(
                        temporary,
                        text,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

package io.prodev.labs.grader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a submission's zip without trusting it: an entry whose path leaves the target folder
 * ({@code ../x}, {@code /etc/x}) is skipped and reported, and a zip that unpacks to too much is refused.
 */
final class SafeUnzip {

    static final long MAX_BYTES = 50L * 1024 * 1024;
    static final int MAX_ENTRIES = 5_000;

    private SafeUnzip() {}

    /** @throws IOException when the zip is unreadable or too large; the message says which */
    static void unzip(Path zip, Path target, List<String> notes) throws IOException {
        if (!startsLikeAZip(zip)) {
            throw new IOException("it is a broken zip: " + zip.getFileName()
                    + " does not start with a zip header (an interrupted upload, or another kind of file renamed)");
        }
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        long written = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new IOException("the zip has more than " + MAX_ENTRIES + " entries");
                }
                String name = entry.getName();
                Path destination = root.resolve(name).normalize();
                if (name.startsWith("/")
                        || name.contains("\\")
                        || !destination.startsWith(root)
                        || destination.equals(root)) {
                    notes.add("zip entry '" + name + "' points outside the submission: ignored");
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                written += copy(in, destination, MAX_BYTES - written);
            }
        } catch (IllegalArgumentException e) {
            throw new IOException("the zip is malformed: " + e.getMessage(), e);
        }
    }

    /**
     * A zip's first bytes are a local file header ({@code PK\3\4}) or, for a zip with no entry, the end of
     * the central directory ({@code PK\5\6}). ZipInputStream reads anything else as a zip with no entries.
     */
    private static boolean startsLikeAZip(Path zip) throws IOException {
        byte[] start = new byte[4];
        try (InputStream in = Files.newInputStream(zip)) {
            if (in.readNBytes(start, 0, 4) < 4 || start[0] != 'P' || start[1] != 'K') {
                return false;
            }
        }
        return (start[2] == 3 && start[3] == 4) || (start[2] == 5 && start[3] == 6);
    }

    private static long copy(InputStream in, Path destination, long budget) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(destination)) {
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                total += read;
                if (total > budget) {
                    throw new IOException("the zip unpacks to more than " + MAX_BYTES / (1024 * 1024) + " MB");
                }
                out.write(buffer, 0, read);
            }
        }
        return total;
    }
}

package io.prodev.labs.grader.starter;

import io.prodev.labs.grader.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Writes the learner edition into a hidden sibling folder first and renames it to {@code out} at the
 * end, so a failure never leaves a half-written learner edition behind.
 */
final class StarterWriter {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwxr-xr-x");

    private StarterWriter() {}

    /** @param out a folder that does not exist or is empty (the caller checked) */
    static void write(List<StarterFile> files, Path out) {
        Path target = out.toAbsolutePath().normalize();
        Path staging = null;
        try {
            Files.createDirectories(target.getParent());
            staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".partial-");
            if (POSIX) {
                // A temporary folder is private to its owner; the learner edition is meant to be shared.
                Files.setPosixFilePermissions(staging, FOLDER);
            }
            for (StarterFile file : files) {
                Path written = staging.resolve(file.path());
                Files.createDirectories(written.getParent());
                Files.write(written, file.content());
                if (file.executable()) {
                    makeExecutable(written);
                }
            }
            Files.deleteIfExists(target);
            Files.move(staging, target);
        } catch (IOException e) {
            Directories.deleteQuietly(staging);
            throw new UncheckedIOException("cannot write the learner edition to " + out, e);
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        if (POSIX) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            permissions.addAll(Set.of(
                    PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(file, permissions);
        } else if (!file.toFile().setExecutable(true, false)) {
            throw new IOException("cannot make " + file + " executable");
        }
    }
}

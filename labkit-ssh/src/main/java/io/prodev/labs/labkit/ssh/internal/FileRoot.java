package io.prodev.labs.labkit.ssh.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The folder the fixture's commands see as {@code /}, the same one SFTP serves. Every name resolves inside it:
 * {@code ..} stops at the root and an absolute name starts from it, as in a chroot.
 */
public final class FileRoot {

    private final Path root;

    public FileRoot(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("the SSH root must be an existing folder, got: " + root);
        }
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve the SSH root " + root, e);
        }
    }

    /** The folder on this machine. */
    public Path path() {
        return root;
    }

    /** The root as the remote side sees it. */
    public String remotePath() {
        return "/";
    }

    /** Where {@code name} ("notes.txt", "/a/../b", "../../etc/passwd") lies, never outside the root. */
    public Path resolve(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a file name must not be empty");
        }
        Path path = root;
        // Split on both separators: on Windows a backslash would otherwise let a name climb out unchecked.
        for (String segment : name.split("[/\\\\]")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                path = path.equals(root) ? root : path.getParent();
            } else {
                path = path.resolve(segment);
            }
        }
        return path;
    }

    /**
     * An existing file or folder at {@code name}.
     *
     * @throws NoSuchFileException when there is none, or a symbolic link leads out of the root
     */
    public Path existing(String name) throws IOException {
        Path path = resolve(name);
        if (!Files.exists(path) || !path.toRealPath().startsWith(root)) {
            throw new NoSuchFileException(name);
        }
        return path;
    }
}

package io.prodev.labs.labkit.ssh.internal;

import io.prodev.labs.labkit.ssh.SshEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What a test or a submission can change on the server, and how to undo it: the files in the root folder, the
 * authorized keys and the password. Kept in files, so that a server the grader started and a test JVM that only
 * knows its {@link SshEndpoint} agree on them without sharing objects.
 */
public final class ServerState {

    /** The file in the settings folder that holds the password; absent when password login is off. */
    public static final String PASSWORD_FILE = "password";

    private ServerState() {}

    /**
     * Empties the root folder, authorizes the client key alone, and turns password login on for {@code
     * endpoint.password()} or off when that is null.
     */
    public static void restore(SshEndpoint endpoint) throws IOException {
        deleteContents(endpoint.root());
        Files.createDirectories(endpoint.settings());
        // One line with its newline, so that a key a test appends starts a line of its own.
        Files.writeString(
                endpoint.authorizedKeys(),
                Files.readString(endpoint.clientPublicKey()).strip() + "\n");
        Path passwordFile = endpoint.settings().resolve(PASSWORD_FILE);
        if (endpoint.password() == null) {
            Files.deleteIfExists(passwordFile);
        } else {
            Files.write(passwordFile, endpoint.password().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Deletes everything inside {@code folder}, not the folder itself (SFTP keeps serving it). */
    public static void deleteContents(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(folder)) {
                    path.toFile().setWritable(true); // a file made read-only by a test still goes
                    Files.delete(path);
                }
            }
        }
    }

    /** Deletes {@code folder} and everything in it, if it is there. */
    public static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            deleteContents(folder);
            Files.delete(folder);
        }
    }
}

package io.prodev.labs.labkit.ssh.internal;

import io.prodev.labs.labkit.ssh.SshEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a test or a submission can change on the server, and how to undo it: the files in the root folder, the
 * authorized keys, the password, the log of the commands it ran and the switch that corrupts checksums. Kept in
 * files, so that a server the grader started and a test JVM that only knows its {@link SshEndpoint} agree on them
 * without sharing objects.
 */
public final class ServerState {

    /** The file in the settings folder that holds the password; absent when password login is off. */
    public static final String PASSWORD_FILE = "password";

    /** The file in the settings folder that logs the command lines the server ran, one a line ({@link #encode}). */
    public static final String COMMANDS_FILE = "commands.log";

    /** The file in the settings folder whose presence makes {@code sha256sum} report wrong hashes. */
    public static final String CORRUPT_CHECKSUMS_FILE = "corrupt-checksums";

    /** One lock for every appender in this JVM: two commands logged at once must not mix their lines. */
    private static final Object COMMANDS_LOCK = new Object();

    private ServerState() {}

    /**
     * Empties the root folder, authorizes the client key alone, turns password login on for {@code
     * endpoint.password()} or off when that is null, empties the log of commands and makes checksums right again.
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
        synchronized (COMMANDS_LOCK) {
            Files.deleteIfExists(endpoint.settings().resolve(COMMANDS_FILE));
        }
        Files.deleteIfExists(endpoint.settings().resolve(CORRUPT_CHECKSUMS_FILE));
    }

    /** Appends {@code commandLine} to the log of commands in {@code settings}. */
    public static void logCommand(Path settings, String commandLine) throws IOException {
        synchronized (COMMANDS_LOCK) {
            Files.writeString(
                    settings.resolve(COMMANDS_FILE),
                    encode(commandLine) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /** The command lines logged in {@code settings}, in the order they ran; none when the log is absent. */
    public static List<String> commandsRun(Path settings) throws IOException {
        Path log = settings.resolve(COMMANDS_FILE);
        synchronized (COMMANDS_LOCK) {
            if (!Files.exists(log)) {
                return List.of();
            }
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .map(ServerState::decode)
                    .toList();
        }
    }

    /** Whether {@code sha256sum} reports wrong hashes: the switch file is in {@code settings}. */
    public static boolean checksumsCorrupted(Path settings) {
        return Files.exists(settings.resolve(CORRUPT_CHECKSUMS_FILE));
    }

    /** Turns the switch that makes {@code sha256sum} report wrong hashes on or off. */
    public static void corruptChecksums(Path settings, boolean on) throws IOException {
        Path flag = settings.resolve(CORRUPT_CHECKSUMS_FILE);
        if (on) {
            Files.writeString(flag, "sha256sum reports wrong hashes while this file exists\n");
        } else {
            Files.deleteIfExists(flag);
        }
    }

    /** A command line on one line of the log: a backslash, a line feed and a carriage return escaped. */
    static String encode(String commandLine) {
        return commandLine.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** The command line a line of the log holds. */
    static String decode(String line) {
        StringBuilder text = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                text.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                text.append(c);
            }
        }
        return text.toString();
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

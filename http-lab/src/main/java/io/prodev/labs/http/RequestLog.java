package io.prodev.labs.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Writes one line per request to a log file, before the request goes on, so that a request that is refused further
 * in, or whose handler fails, is logged too:
 *
 * <pre>
 * 2026-12-03 09:15:00 - User: alice - Path: /reports
 * </pre>
 */
public final class RequestLog implements Middleware {

    /** The format of a line's date and time, in the clock's zone. */
    public static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    // BEGIN SOLUTION: remove
    private final Path file;
    private final Clock clock;
    private final Object lock = new Object();
    // END SOLUTION

    /**
     * Logs to {@code file}, creating it (empty) now when it is missing, and appending to it when it exists.
     *
     * @throws IllegalArgumentException naming the folder, when the file's folder does not exist; naming the file,
     *     when it is a folder or cannot be created
     */
    public RequestLog(Path file, Clock clock) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(clock, "clock");
        // BEGIN SOLUTION
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no folder " + folder + " for the log file " + file);
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("the log file " + file + " is a folder");
        }
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            // appended to
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the log file " + file + ": " + e.getMessage(), e);
        }
        this.file = file;
        this.clock = clock;
        // END SOLUTION
    }

    /**
     * Appends {@code yyyy-MM-dd HH:mm:ss - User: <user> - Path: <path>} and a line feed ({@code \n}), then passes the
     * request on.
     *
     * <ul>
     *   <li>the time is the clock's, in its zone; the user is {@link Authentication#user}'s (so Authentication must
     *       come before this middleware); the path is {@link HttpRequest#path()}, without the query, which may hold
     *       secrets;
     *   <li>a control character (below U+0020, or U+007F) in the user or the path is written as {@code %XX} (two
     *       upper-case hex digits), so that a request is always exactly one line;
     *   <li>lines written from many threads at once never mix: each is whole, on a line of its own, in UTF-8;
     *   <li>a line that cannot be written fails the request (the {@link IOException} is thrown).
     * </ul>
     */
    @Override
    public Handler wrap(Handler next) {
        Objects.requireNonNull(next, "next");
        // BEGIN SOLUTION
        return request -> {
            String line = TIME_FORMAT.format(LocalDateTime.now(clock)) + " - User: "
                    + escape(Authentication.user(request)) + " - Path: " + escape(request.path()) + "\n";
            synchronized (lock) {
                Files.write(file, line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
            }
            return next.handle(request);
        };
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
    // END SOLUTION
}

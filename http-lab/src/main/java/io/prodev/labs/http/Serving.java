package io.prodev.labs.http;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** What every serving command does once its server runs: say where, wait, stop cleanly. */
final class Serving {

    private Serving() {}

    /**
     * Prints {@code listening on <uri>}, then waits until {@code lifetime} has passed (null: for ever), the thread is
     * interrupted or the JVM shuts down (SIGTERM, Ctrl-C), closes {@code server} and prints {@code stopped}.
     */
    static int serveUntilStopped(AutoCloseable server, URI uri, Duration lifetime, PrintWriter out) throws Exception {
        return serveUntilStopped(server, List.of(uri), lifetime, out);
    }

    /**
     * As above for a command that runs several servers (HTTPS and its plain-HTTP redirect): {@code server} closes them
     * all, and one {@code listening on <uri>} line is printed for each of {@code uris}, in order.
     */
    static int serveUntilStopped(AutoCloseable server, List<URI> uris, Duration lifetime, PrintWriter out)
            throws Exception {
        Thread closeOnExit = new Thread(() -> closeQuietly(server), "close-on-exit");
        Runtime.getRuntime().addShutdownHook(closeOnExit);
        try {
            for (URI uri : uris) {
                out.println("listening on " + uri);
            }
            out.flush();
            if (lifetime == null) {
                Thread.sleep(Long.MAX_VALUE);
            } else {
                Thread.sleep(lifetime.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(closeOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or ran: the server is closed either way
            }
        }
        out.println("stopped");
        out.flush();
        return 0;
    }

    /** A lifetime option in seconds: positive, or null when not given. */
    static Duration lifetime(Double seconds) {
        if (seconds == null) {
            return null;
        }
        if (!(seconds > 0) || seconds > 86_400 * 365) {
            throw new IllegalArgumentException("--for must be a positive number of seconds, got " + seconds);
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception ignored) {
            // stopping anyway
        }
    }
}

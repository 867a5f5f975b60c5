package io.prodev.labs.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps idle keep-alive connections to the backends, so that a request reuses one instead of paying a new TCP
 * connection each time. Safe for many threads at once.
 */
final class ConnectionPool implements AutoCloseable {

    // BEGIN SOLUTION: remove
    private final int maxIdlePerBackend;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Map<URI, Deque<UpstreamConnection>> idle = new HashMap<>();
    private final Set<UpstreamConnection> open = ConcurrentHashMap.newKeySet();
    private boolean closed;
    // END SOLUTION

    /** A pool that keeps at most {@code maxIdlePerBackend} idle connections per backend. */
    ConnectionPool(int maxIdlePerBackend, Duration connectTimeout, Duration readTimeout) {
        // BEGIN SOLUTION
        this.maxIdlePerBackend = maxIdlePerBackend;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        // END SOLUTION
    }

    /**
     * A connection to {@code backend}: the idle one returned last that is still usable ({@link
     * UpstreamConnection#isUsable()}; the others are closed on the way), else a new one.
     */
    UpstreamConnection acquire(URI backend) throws IOException {
        // BEGIN SOLUTION
        while (true) {
            UpstreamConnection connection;
            synchronized (this) {
                if (closed) {
                    throw new IOException("the load balancer is closed");
                }
                Deque<UpstreamConnection> queue = idle.get(backend);
                connection = queue == null ? null : queue.pollFirst();
            }
            if (connection == null) {
                break;
            }
            if (connection.isUsable()) {
                return connection;
            }
            discard(connection);
        }
        UpstreamConnection connection = UpstreamConnection.open(backend, connectTimeout, readTimeout);
        open.add(connection);
        if (isClosed()) { // closed while connecting
            discard(connection);
            throw new IOException("the load balancer is closed");
        }
        return connection;
        // END SOLUTION
    }

    /**
     * Takes back a connection whose response was read to its end: kept for reuse when the response allowed it ({@link
     * UpstreamConnection#keepAlive()}) and there is room, else closed.
     */
    void release(UpstreamConnection connection) {
        // BEGIN SOLUTION
        if (connection.keepAlive()) {
            synchronized (this) {
                Deque<UpstreamConnection> queue = idle.computeIfAbsent(connection.backend(), b -> new ArrayDeque<>());
                if (!closed && queue.size() < maxIdlePerBackend) {
                    queue.addFirst(connection);
                    return;
                }
            }
        }
        discard(connection);
        // END SOLUTION
    }

    /** Closes a connection that failed or whose response was not read to its end. */
    void discard(UpstreamConnection connection) {
        // BEGIN SOLUTION
        open.remove(connection);
        connection.close();
        // END SOLUTION
    }

    /** Closes the idle connections to {@code backend} (it went down: they are likely dead). */
    void evict(URI backend) {
        // BEGIN SOLUTION
        List<UpstreamConnection> evicted;
        synchronized (this) {
            Deque<UpstreamConnection> queue = idle.remove(backend);
            evicted = queue == null ? List.of() : new ArrayList<>(queue);
        }
        evicted.forEach(this::discard);
        // END SOLUTION
    }

    /** Closes every connection, idle or in use (a request using one fails); later acquires fail. */
    @Override
    public void close() {
        // BEGIN SOLUTION
        synchronized (this) {
            closed = true;
            idle.clear();
        }
        for (UpstreamConnection connection : List.copyOf(open)) {
            discard(connection);
        }
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private synchronized boolean isClosed() {
        return closed;
    }
    // END SOLUTION
}

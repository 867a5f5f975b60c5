package io.prodev.labs.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reverse proxy that spreads requests over backends: a {@link Handler}, so {@code WebServer.start(settings,
 * balancer)} puts it on a port.
 *
 * <pre>{@code
 * try (LoadBalancer balancer = LoadBalancer.start(List.of(web01.uri(), web02.uri()), BalancerSettings.defaults());
 *         WebServer front = WebServer.start(ServerSettings.onPort(0), balancer)) {
 *     // requests to front.uri() alternate between web01 and web02
 * }
 * }</pre>
 */
public final class LoadBalancer implements Handler, AutoCloseable {

    /** The methods a request may be sent twice with (RFC 9110 section 9.2.2): those that are retried. */
    public static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");

    // BEGIN SOLUTION: remove
    private final List<Backend> backends;
    private final BalancerSettings settings;
    private final ConnectionPool pool;
    private final ScheduledExecutorService checker;
    private final Object choosing = new Object();
    private int last = -1; // index of the backend chosen last, guarded by choosing

    private LoadBalancer(List<URI> uris, BalancerSettings settings) {
        this.backends = uris.stream().map(Backend::new).toList();
        this.settings = settings;
        this.pool = new ConnectionPool(settings.maxIdlePerBackend(), settings.connectTimeout(), settings.readTimeout());
        this.checker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "lb-health-checks");
            thread.setDaemon(true);
            return thread;
        });
    }
    // END SOLUTION

    /**
     * A balancer over {@code backends}, each {@code http://host:port} (a trailing {@code /} allowed), all taken as
     * healthy until a check or a refused connection says otherwise. Starts the health checks: a round every {@code
     * settings.healthInterval()}, the first one interval after the start.
     *
     * @throws IllegalArgumentException naming the value, when there is no backend, a backend is not {@code
     *     http://host:port} (another scheme, no port, a path, a query) or is given twice
     */
    public static LoadBalancer start(List<URI> backends, BalancerSettings settings) {
        Objects.requireNonNull(backends, "backends");
        Objects.requireNonNull(settings, "settings");
        // BEGIN SOLUTION
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("a load balancer needs at least one backend, got none");
        }
        List<URI> normalised = new ArrayList<>();
        for (URI uri : backends) {
            URI backend = checkBackend(uri);
            if (normalised.contains(backend)) {
                throw new IllegalArgumentException("backend " + uri + " is given twice");
            }
            normalised.add(backend);
        }
        LoadBalancer balancer = new LoadBalancer(normalised, settings);
        long interval = settings.healthInterval().toMillis();
        balancer.checker.scheduleWithFixedDelay(balancer::checkHealthNow, interval, interval, TimeUnit.MILLISECONDS);
        return balancer;
        // END SOLUTION
    }

    /**
     * Passes {@code request} to a backend chosen by the policy and returns its response, the body streamed as it
     * comes. See the README's task 1 for the rules: the headers, the retries, 502, 503 and 504.
     */
    @Override
    public HttpResponse handle(HttpRequest request) throws IOException {
        // BEGIN SOLUTION
        ReadCounting body = new ReadCounting(request.body());
        Headers headers = ProxyHeaders.forBackend(request);
        long bodyLength = bodyLength(request);
        Set<Backend> tried = new HashSet<>();
        String failure = null;
        for (Backend backend; (backend = choose(tried)) != null; ) {
            tried.add(backend);
            UpstreamConnection connection = null;
            try {
                connection = pool.acquire(backend.uri);
                connection.send(request.method(), request.target(), headers, body, bodyLength);
                UpstreamConnection.Response response = connection.readResponse(request.method());
                return relay(backend, connection, response);
            } catch (IOException e) {
                backend.inFlight.decrementAndGet();
                if (connection != null) {
                    pool.discard(connection);
                }
                if (body.failure != null) {
                    throw body.failure; // the client's body broke off or broke a rule: the server answers it
                }
                if (e instanceof ConnectException) {
                    markDown(backend);
                }
                if (e instanceof SocketTimeoutException && connection != null) {
                    return error(504, backend.uri + " did not answer within " + settings.readTimeout());
                }
                failure = backend.uri + " failed: " + e.getMessage();
                boolean beforeAnswer = connection == null || !connection.responseStarted();
                if (!beforeAnswer || !IDEMPOTENT.contains(request.method()) || body.count > 0) {
                    break;
                }
            }
        }
        return failure == null ? error(503, "no healthy backend") : error(502, failure);
        // END SOLUTION
    }

    /**
     * Checks every backend once, now, on this thread: {@code GET <health path>} on a new connection within the
     * health timeout; a 2xx answer marks it healthy, anything else (another status, a refused connection, a timeout)
     * marks it down. Rounds never overlap.
     */
    public void checkHealthNow() {
        // BEGIN SOLUTION
        synchronized (checker) {
            for (Backend backend : backends) {
                if (isHealthy(backend.uri)) {
                    backend.healthy = true;
                } else {
                    markDown(backend);
                }
            }
        }
        // END SOLUTION
    }

    /** What the balancer knows of each backend now, in the order given. */
    public List<BackendStatus> backends() {
        // BEGIN SOLUTION
        return backends.stream()
                .map(b -> new BackendStatus(b.uri, b.healthy, b.inFlight.get()))
                .toList();
        // END SOLUTION
    }

    /** Stops the health checks and closes every pooled connection; requests in flight fail. Twice does nothing. */
    @Override
    public void close() {
        // BEGIN SOLUTION
        checker.shutdownNow();
        try {
            checker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.close();
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private static final class Backend {
        final URI uri;
        final AtomicInteger inFlight = new AtomicInteger();
        volatile boolean healthy = true;

        Backend(URI uri) {
            this.uri = uri;
        }
    }

    private static URI checkBackend(URI uri) {
        if (uri == null
                || !"http".equals(uri.getScheme())
                || uri.getHost() == null
                || uri.getPort() < 1
                || uri.getRawUserInfo() != null
                || !(uri.getRawPath() == null
                        || uri.getRawPath().isEmpty()
                        || uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("a backend must be http://host:port, got \"" + uri + "\"");
        }
        return URI.create("http://" + uri.getRawAuthority());
    }

    /**
     * The backend for the next attempt, its in-flight count already raised, or null when no healthy backend is left
     * that was not tried. Round-robin: the first healthy one after the one chosen last. Least connections: the
     * fewest in flight, the first of them in that same order.
     */
    private Backend choose(Set<Backend> tried) {
        synchronized (choosing) {
            int n = backends.size();
            Backend best = null;
            int bestIndex = -1;
            for (int step = 1; step <= n; step++) {
                int index = (last + step) % n;
                Backend candidate = backends.get(index);
                if (!candidate.healthy || tried.contains(candidate)) {
                    continue;
                }
                if (best == null
                        || (settings.policy() == BalancingPolicy.LEAST_CONNECTIONS
                                && candidate.inFlight.get() < best.inFlight.get())) {
                    best = candidate;
                    bestIndex = index;
                }
                if (settings.policy() == BalancingPolicy.ROUND_ROBIN) {
                    break;
                }
            }
            if (best != null) {
                last = bestIndex;
                best.inFlight.incrementAndGet();
            }
            return best;
        }
    }

    private void markDown(Backend backend) {
        backend.healthy = false;
        pool.evict(backend.uri);
    }

    private boolean isHealthy(URI backend) {
        try (UpstreamConnection connection =
                UpstreamConnection.open(backend, settings.healthTimeout(), settings.healthTimeout())) {
            Headers headers =
                    new Headers().add("Host", backend.getRawAuthority()).add("Connection", "close");
            connection.send("GET", settings.healthPath(), headers, InputStream.nullInputStream(), 0);
            int status = connection.readResponse("GET").status();
            return status >= 200 && status <= 299;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The length to send the request's body with: its Content-Length, -1 (chunked) for a chunked one, else 0. */
    private static long bodyLength(HttpRequest request) {
        if (request.headers().hasToken("Transfer-Encoding", "chunked")) {
            return -1;
        }
        return request.header("Content-Length")
                .map(v -> Long.parseLong(v.trim()))
                .orElse(0L);
    }

    /** The backend's response without hop-by-hop fields, its body streamed; the connection is released at its end. */
    private HttpResponse relay(Backend backend, UpstreamConnection connection, UpstreamConnection.Response response) {
        Headers headers = ProxyHeaders.withoutHopByHop(response.headers());
        return new HttpResponse(
                response.status(), headers, new RelayedBody(backend, connection, response.body(), response.length()));
    }

    private static HttpResponse error(int status, String message) {
        return HttpResponse.text(status, status + " " + HttpStatus.reason(status) + ": " + message + "\n");
    }

    /**
     * A backend's body passed on as it comes: flushed whenever the backend has sent nothing more yet, so the client
     * gets each part when the backend sends it. At its end the connection goes back to the pool, and the backend's
     * in-flight count drops, before the last bytes are flushed: a client that sends its next request once it has the
     * whole response finds both done. Cut short, the connection is closed (what is left of the body would be read as
     * the next response).
     */
    private final class RelayedBody implements ResponseBody {
        private final Backend backend;
        private final UpstreamConnection connection;
        private final InputStream in;
        private final long length;
        private final AtomicBoolean done = new AtomicBoolean();

        RelayedBody(Backend backend, UpstreamConnection connection, InputStream in, long length) {
            this.backend = backend;
            this.connection = connection;
            this.in = in;
            this.length = length;
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            boolean complete = false;
            try {
                byte[] buffer = new byte[length >= 0 && length < 8192 ? (int) Math.max(length, 1) : 8192];
                long written = 0;
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    written += n;
                    if (written == length) {
                        break; // the writer flushes the last bytes after finish(): the client sees the end after it
                    }
                    if (in.available() == 0) {
                        out.flush();
                    }
                }
                complete = true;
            } finally {
                finish(complete);
            }
        }

        @Override
        public void discard() {
            finish(length == 0);
        }

        private void finish(boolean complete) {
            if (done.compareAndSet(false, true)) {
                if (complete) {
                    pool.release(connection);
                } else {
                    pool.discard(connection);
                }
                backend.inFlight.decrementAndGet();
            }
        }
    }

    /** The request's body, counting what was read and keeping what failed while reading it. */
    private static final class ReadCounting extends FilterInputStream {
        long count;
        IOException failure;

        ReadCounting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                int n = in.read(buffer, offset, length);
                count += Math.max(n, 0);
                return n;
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }
    // END SOLUTION
}

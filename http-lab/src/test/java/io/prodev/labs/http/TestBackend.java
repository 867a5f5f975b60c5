package io.prodev.labs.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;

/**
 * A backend for the balancer's tests: task 0's {@link WebServer} with a handler that says who it is ({@code
 * X-Served-By}) and records what it got. It can be killed and revived on the same port.
 *
 * <ul>
 *   <li>{@code /health}: 200, or 503 once {@link #healthy} is false;
 *   <li>{@code /hold}: waits until {@link #release()} (at most 10 s), then answers like {@code /};
 *   <li>{@code /upload}: reads the body's first 5 bytes and puts them in {@link #firstParts} at once, then the rest,
 *       and answers 200 with the whole body;
 *   <li>{@code /drip}: answers 200 with a body of unknown length: {@code "first "} at once, then, after {@link
 *       #release()}, {@code "last"};
 *   <li>{@code /echo}: 201 with the request's body, {@code X-Echo-Method} and {@code X-Echo-Length};
 *   <li>anything else: 200 with the backend's name as the body.
 * </ul>
 */
final class TestBackend implements AutoCloseable {

    /** What a backend got: the request as it arrived, its body read whole. */
    record Seen(String method, String target, Headers headers, byte[] body) {}

    final String name;
    final AtomicBoolean healthy = new AtomicBoolean(true);
    final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
    final Semaphore holding = new Semaphore(0);
    final BlockingQueue<String> firstParts = new LinkedBlockingQueue<>();
    final AtomicInteger accepted = new AtomicInteger();
    private volatile CountDownLatch released = new CountDownLatch(1);
    private final int port;
    private volatile WebServer server;

    private TestBackend(String name, int port) throws IOException {
        this.name = name;
        this.server = WebServer.start(settings(port), this::handle);
        this.port = server.port();
    }

    static TestBackend start(String name) throws IOException {
        return new TestBackend(name, 0);
    }

    /** {@code http://127.0.0.1:PORT}, as the balancer takes it. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    int port() {
        return port;
    }

    /** Closes the server: its port refuses connections until {@link #revive()}. */
    void kill() {
        server.close();
    }

    /** Starts the server again on the same port. */
    void revive() throws IOException {
        server = WebServer.start(settings(port), this::handle);
    }

    /** Lets every request waiting in {@code /hold} answer, and those that come later too. */
    void release() {
        released.countDown();
    }

    /** From now on, {@code /hold} waits again. */
    void holdAgain() {
        released = new CountDownLatch(1);
    }

    @Override
    public void close() {
        release();
        server.close();
    }

    private ServerSettings settings(int port) {
        ServerSocketFactory counting = new CountingServerSocketFactory(accepted);
        return ServerSettings.onPort(port).withSocketFactory(counting);
    }

    private HttpResponse handle(HttpRequest request) throws IOException {
        if (request.path().equals("/upload")) {
            String first = new String(request.body().readNBytes(5), StandardCharsets.UTF_8);
            firstParts.add(first);
            String rest = new String(request.body().readAllBytes(), StandardCharsets.UTF_8);
            return HttpResponse.text(200, first + rest).header("X-Served-By", name);
        }
        if (request.path().equals("/drip")) {
            return new HttpResponse(200, new Headers().add("X-Served-By", name), new DripBody());
        }
        byte[] body = request.path().equals("/hold") ? new byte[0] : readAll(request.body());
        seen.add(new Seen(request.method(), request.target(), new Headers(request.headers()), body));
        switch (request.path()) {
            case "/health":
                return healthy.get() ? HttpResponse.text(200, "ok") : HttpResponse.text(503, "not now");
            case "/hold":
                holding.release();
                try {
                    released.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return HttpResponse.text(200, name).header("X-Served-By", name);
            case "/echo":
                return new HttpResponse(201, new Headers(), ResponseBody.of(body))
                        .header("X-Served-By", name)
                        .header("X-Echo-Method", request.method())
                        .header("X-Echo-Length", Integer.toString(body.length));
            default:
                return HttpResponse.text(200, name).header("X-Served-By", name);
        }
    }

    /** {@code "first "}, flushed, then {@code "last"} once the test released it. */
    private final class DripBody implements ResponseBody {
        @Override
        public long length() {
            return -1;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write("first ".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                released.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write("last".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}

package io.prodev.labs.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on a free loopback port to a server, which holds every connection it takes (accepted, nothing
 * forwarded) until {@link #release()}: while it holds them, {@link #accepted()} is how many clients are connecting at
 * once. After {@code release()} it forwards both ways. Closing it closes every connection and waits for its threads.
 */
final class HoldingRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final String serverHost;
    private final int serverPort;
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    HoldingRelay(String serverHost, int serverPort) throws IOException {
        this.serverHost = serverHost;
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start("relay-accept", this::acceptAll);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many connections it has taken so far. */
    int accepted() {
        return accepted.get();
    }

    /** Forwards the connections it holds, and every later one at once. */
    void release() {
        released.countDown();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                accepted.incrementAndGet();
                start("relay-connection", () -> relay(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(Socket client) {
        try {
            released.await();
            Socket server = new Socket(serverHost, serverPort);
            sockets.add(server);
            start("relay-up", () -> pump(client, server));
            pump(server, client);
        } catch (IOException | InterruptedException e) {
            // the relay is closing, or the server went away: the client sees its connection end
        } finally {
            closeQuietly(client);
        }
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16_384];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        threads.add(thread);
        thread.start();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        listener.close();
        released.countDown();
        // In the order they started: a thread adds the threads it starts before it ends, so none is missed.
        for (int joined = 0; joined < threads.size(); joined++) {
            sockets.forEach(HoldingRelay::closeQuietly);
            threads.get(joined).join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}

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

/**
 * A TCP relay on a free loopback port to a server that forwards the first bytes of each connection, then stops: after
 * {@code upBytes} from the client (or {@code downBytes} from the server) it forwards nothing more either way, and
 * keeps the connection open. A transfer through it hangs mid-way, as it would on a network that went silent. Closing
 * it closes every connection and waits for its threads.
 */
final class StallingRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final String serverHost;
    private final int serverPort;
    private final long upBytes;
    private final long downBytes;
    private final CountDownLatch stalled = new CountDownLatch(1);
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    StallingRelay(String serverHost, int serverPort, long upBytes, long downBytes) throws IOException {
        this.serverHost = serverHost;
        this.serverPort = serverPort;
        this.upBytes = upBytes;
        this.downBytes = downBytes;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start("stalling-relay-accept", this::acceptAll);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Waits up to {@code millis} for a connection to stall; true if one did. */
    boolean awaitStalled(long millis) throws InterruptedException {
        return stalled.await(millis, TimeUnit.MILLISECONDS);
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                Socket server = new Socket(serverHost, serverPort);
                sockets.add(server);
                start("stalling-relay-up", () -> pump(client, server, upBytes));
                start("stalling-relay-down", () -> pump(server, client, downBytes));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to, long limit) {
        byte[] buffer = new byte[16_384];
        long forwarded = 0;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                int allowed = (int) Math.min(n, limit - forwarded);
                out.write(buffer, 0, allowed);
                out.flush();
                forwarded += allowed;
                if (forwarded >= limit) {
                    stalled.countDown();
                    closing.await(); // silent from now on, the connection left open
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // one side closed, or the relay is closing
        }
    }

    private void start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        threads.add(thread);
        thread.start();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        closing.countDown();
        listener.close();
        for (int joined = 0; joined < threads.size(); joined++) {
            for (Socket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
            threads.get(joined).join(TimeUnit.SECONDS.toMillis(5));
        }
    }
}

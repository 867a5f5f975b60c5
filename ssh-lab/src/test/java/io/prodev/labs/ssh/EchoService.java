package io.prodev.labs.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service on the loopback, the kind a tunnel reaches: it sends its greeting (possibly none) to each connection,
 * then echoes every byte back until the client closes. Closing it closes every connection and waits for its threads.
 */
final class EchoService implements AutoCloseable {

    private final ServerSocket listener;
    private final byte[] greeting;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    private EchoService(ServerSocket listener, String greeting) {
        this.listener = listener;
        this.greeting = greeting.getBytes(StandardCharsets.UTF_8);
        Thread acceptor = new Thread(this::acceptAll, "echo-service-accept");
        threads.add(acceptor);
        acceptor.start();
    }

    /** An echo service on a free port of 127.0.0.1. */
    static EchoService start() throws IOException {
        return start(0, "");
    }

    /** An echo service on {@code port} of 127.0.0.1 (0: a free one) that greets each connection first. */
    static EchoService start(int port, String greeting) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        return new EchoService(listener, greeting);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many connections it has taken so far. */
    int accepted() {
        return accepted.get();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                accepted.incrementAndGet();
                Thread thread = new Thread(() -> echo(client), "echo-service-connection");
                threads.add(thread);
                thread.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void echo(Socket client) {
        byte[] buffer = new byte[16_384];
        try (client;
                InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream()) {
            out.write(greeting);
            out.flush();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away, or the service is closing
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
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

    /** A port nothing listens on (free once its socket closed). */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * A port below 1024 that nothing listens on: unlike a free port of the ephemeral range, no tunnel of a test (port 0
     * or {@link #closedPort()}) can be given it later, so it stays a port where nothing listens.
     */
    static int closedLowPort() throws IOException {
        for (int port = 9; port < 1024; port++) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                // something listens there
            } catch (java.net.ConnectException refused) {
                return port;
            }
        }
        throw new IOException("every port from 9 to 1023 of the loopback is in use");
    }

    /**
     * Whether connections to {@code port} of 127.0.0.1 are refused within {@code millis}. A listening socket closed
     * while a thread waits in {@code accept()} may still take a connection until that call returns: a moment.
     */
    static boolean refusedWithin(int port, long millis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        do {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Thread.sleep(20); // accepted: still listening
            } catch (java.net.ConnectException refused) {
                return true;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    /**
     * Reads {@code length} bytes from {@code in}, or fewer if it ends first. Bounded by the socket's read timeout.
     */
    static byte[] readUpTo(InputStream in, int length) throws IOException {
        byte[] data = new byte[length];
        int read = 0;
        while (read < length) {
            int n = in.read(data, read, length - read);
            if (n < 0) {
                return java.util.Arrays.copyOf(data, read);
            }
            read += n;
        }
        return data;
    }

    /**
     * Whether the connection has ended: end of stream or a reset, within {@code millis}; false when it stays open
     * that long with nothing to read.
     */
    static boolean ends(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }
}

package io.prodev.labs.sample.counter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counter server: a count behind a line protocol on the loopback, on a port of its own. For each line a
 * client sends it writes one line back: {@code HIT} adds one and replies with the new count, {@code COUNT}
 * replies with the count, anything else gets {@code ERROR ...}.
 *
 * <p>Every thread it starts is a daemon that runs only this class's code: in a grader's warm test JVM a
 * non-daemon thread, or one running learner code, would retire the worker after every submission.
 */
public final class CounterServer implements AutoCloseable {

    /** A client that connects and says nothing must not hold a connection's thread for ever. */
    private static final int IDLE_MILLIS = 30_000;

    private final ServerSocket socket;
    private final AtomicLong count = new AtomicLong();

    private CounterServer(ServerSocket socket) {
        this.socket = socket;
    }

    /**
     * Starts a server on 127.0.0.1 and a free port, with a count of zero.
     *
     * @throws UncheckedIOException when no loopback port can be had
     */
    public static CounterServer start() {
        ServerSocket socket;
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on the loopback: " + e.getMessage(), e);
        }
        CounterServer server = new CounterServer(socket);
        daemon(server::acceptConnections, "counter-accept-" + socket.getLocalPort())
                .start();
        return server;
    }

    /** Where it listens. */
    public CounterEndpoint endpoint() {
        return new CounterEndpoint(socket.getInetAddress().getHostAddress(), socket.getLocalPort());
    }

    /** Sets the count back to zero, as a new server has it. */
    public void reset() {
        count.set(0);
    }

    /** One line for logs: what runs where. */
    public String description() {
        return "counter server on " + endpoint().host() + ":" + endpoint().port();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all that was asked: the port is free either way once this JVM ends
        }
    }

    private void acceptConnections() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                daemon(() -> serve(connection), "counter-connection").start();
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // one failed accept: the next client gets its turn
            }
        }
    }

    private void serve(Socket connection) {
        try (connection;
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
                Writer out = new OutputStreamWriter(connection.getOutputStream(), StandardCharsets.UTF_8)) {
            connection.setSoTimeout(IDLE_MILLIS);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(reply(line.strip()) + "\n");
                out.flush();
            }
        } catch (IOException e) {
            // the client went away or fell silent: its connection ends, the server goes on
        }
    }

    private String reply(String command) {
        return switch (command) {
            case "HIT" -> Long.toString(count.incrementAndGet());
            case "COUNT" -> Long.toString(count.get());
            default -> "ERROR unknown command: " + command + " (HIT or COUNT)";
        };
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}

package io.prodev.labs.redis;

import io.prodev.labs.labkit.redis.RedisEndpoint;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between a client and Redis that plays a worker dying at the worst moment: it passes everything
 * through until the client sends its first command that takes an element off a list (a name with POP or MOVE in
 * it, or a script), lets Redis run that command, and then cuts the connection before the client reads the reply.
 * Redis has done what the command asked; the client never learns it. No connection is accepted after the cut.
 */
final class KillingRelay implements AutoCloseable {

    private final RedisEndpoint redis;
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> pumps = new CopyOnWriteArrayList<>();
    private volatile boolean cutting;
    private volatile String cutCommand;

    KillingRelay(RedisEndpoint redis) {
        this.redis = redis;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the relay's port", e);
        }
        this.acceptor = new Thread(this::accept, "killing-relay-acceptor");
        acceptor.start();
    }

    /** Where the client connects instead of Redis: the same database, through the relay. */
    URI uri() {
        try {
            return new URI(
                    "redis",
                    redis.userInfo(),
                    server.getInetAddress().getHostAddress(),
                    server.getLocalPort(),
                    "/" + redis.database(),
                    null,
                    null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The command the relay cut the connection after, or null if none came. */
    String cutCommand() {
        return cutCommand;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(redis.host(), redis.port());
                sockets.add(client);
                sockets.add(upstream);
                pump(
                        "relay-commands",
                        () -> commands(new BufferedInputStream(client.getInputStream()), upstream.getOutputStream()));
                pump("relay-replies", () -> replies(upstream.getInputStream(), client.getOutputStream()));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private interface Pump {
        void run() throws IOException;
    }

    private void pump(String name, Pump pump) {
        Thread thread = new Thread(
                () -> {
                    try {
                        pump.run();
                    } catch (IOException e) {
                        // a socket was closed: the pump ends
                    } finally {
                        closeAll();
                    }
                },
                name);
        pumps.add(thread);
        thread.start();
    }

    /** Client to Redis, one RESP command at a time, so the relay knows which command it passes on. */
    private void commands(InputStream in, OutputStream out) throws IOException {
        while (true) {
            ByteArrayOutputStream command = new ByteArrayOutputStream();
            String header = line(in, command);
            if (header == null) {
                return;
            }
            String name = null;
            if (header.startsWith("*")) {
                int parts = Integer.parseInt(header.substring(1));
                for (int i = 0; i < parts; i++) {
                    String length = line(in, command);
                    if (length == null) {
                        return;
                    }
                    byte[] bulk = in.readNBytes(Integer.parseInt(length.substring(1)) + 2);
                    command.write(bulk);
                    if (i == 0) {
                        name = new String(bulk, 0, bulk.length - 2, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
                    }
                }
            }
            if (name != null && takesFromAList(name)) {
                cutCommand = name;
                cutting = true;
                try {
                    server.close(); // a client that retries finds no relay
                } catch (IOException e) {
                    // closing anyway
                }
            }
            out.write(command.toByteArray());
            out.flush();
        }
    }

    private static boolean takesFromAList(String name) {
        return name.contains("POP") || name.contains("MOVE") || name.startsWith("EVAL") || name.equals("FCALL");
    }

    /**
     * Redis to client. A client waits for each reply before its next command, so bytes that come once the relay
     * is cutting are the cut command's reply: they are dropped, and the connection closed.
     */
    private void replies(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (cutting) {
                closeAll();
                return;
            }
            out.write(buffer, 0, read);
            out.flush();
        }
    }

    /** A line up to CRLF, also appended to {@code command}; null at the end of the stream. */
    private static String line(InputStream in, ByteArrayOutputStream command) throws IOException {
        StringBuilder text = new StringBuilder();
        int previous = -1;
        int current;
        while ((current = in.read()) != -1) {
            command.write(current);
            if (previous == '\r' && current == '\n') {
                return text.substring(0, text.length() - 1);
            }
            text.append((char) current);
            previous = current;
        }
        return null;
    }

    private void closeAll() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        closeAll();
        BlockedTakes.join(acceptor);
        for (Thread pump : pumps) {
            BlockedTakes.join(pump);
        }
    }
}

package io.prodev.labs.labkit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP relay between the code under test and Redis that can stop one command, or its reply, halfway, until the
 * test lets it go: the way to make a race happen every time instead of once in a thousand runs. The code under
 * test connects to {@link #uri()}; everything it sends and receives passes through unchanged, but for the one
 * command the test picked.
 */
public final class PausingRelay implements AutoCloseable {

    private enum Where {
        /** Before Redis sees the command. */
        COMMAND,
        /** After Redis ran it, before the client reads the reply. */
        REPLY
    }

    /** The commands a test waits for (the first of them to come is paused), and the latches it is paused with. */
    private record Pause(List<String> commands, Where where, CountDownLatch reached, CountDownLatch released) {
        /** A Redis command as Jedis sends it: an array whose first bulk string is the command's name. */
        boolean matches(byte[] bytes, int length) {
            String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            return text.startsWith("*")
                    && commands.stream()
                            .anyMatch(command -> text.contains("\r\n$" + command.length() + "\r\n" + command + "\r\n"));
        }

        String names() {
            return String.join(" or ", commands);
        }
    }

    private final RedisEndpoint redis;
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> pumps = new CopyOnWriteArrayList<>();
    private final AtomicReference<Pause> armed = new AtomicReference<>();
    private volatile Pause current;

    public PausingRelay(RedisEndpoint redis) {
        this.redis = redis;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the relay's port", e);
        }
        this.acceptor = new Thread(this::accept, "pausing-relay-acceptor");
        acceptor.start();
    }

    /** Where the code under test connects instead of Redis. */
    public URI uri() {
        return new RedisEndpoint(
                        server.getInetAddress().getHostAddress(),
                        server.getLocalPort(),
                        redis.userInfo(),
                        redis.database())
                .uri();
    }

    /**
     * The next of {@code commands} (names as Jedis sends them: "SET"; "EXPIRE", "PEXPIRE") waits before Redis sees
     * it.
     */
    public void pauseNextCommand(String... commands) {
        arm(commands, Where.COMMAND);
    }

    /** The reply to the next of {@code commands} ("GET") waits after Redis ran the command. */
    public void pauseReplyToNextCommand(String... commands) {
        arm(commands, Where.REPLY);
    }

    private void arm(String[] commands, Where where) {
        if (commands.length == 0) {
            throw new IllegalArgumentException("name at least one command to pause");
        }
        Pause pause = new Pause(List.of(commands), where, new CountDownLatch(1), new CountDownLatch(1));
        armed.set(pause);
        current = pause;
    }

    /** Waits until the command picked last has reached its pause. */
    public void awaitPaused(Duration atMost) throws InterruptedException {
        Pause pause = current;
        if (!pause.reached().await(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no " + pause.names() + " command reached the relay within " + atMost);
        }
    }

    /**
     * Whether the command picked last reached its pause within {@code atMost}. If it did not, the pause is called
     * off, so a later command of that name passes: the way to test a race that a correct design may never enter
     * (a Lua script sends no GET to pause).
     */
    public boolean pausedWithin(Duration atMost) throws InterruptedException {
        Pause pause = current;
        if (pause.reached().await(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        armed.compareAndSet(pause, null);
        return pause.reached().getCount() == 0; // it may have arrived just as the pause was called off
    }

    /** Lets the paused command or reply go on. */
    public void release() {
        Pause pause = current;
        if (pause != null) {
            pause.released().countDown();
        }
    }

    @Override
    public void close() throws InterruptedException {
        release();
        closeQuietly(server);
        sockets.forEach(PausingRelay::closeQuietly);
        acceptor.join();
        for (Thread pump : pumps) {
            pump.join();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            Socket upstream;
            try {
                upstream = new Socket(redis.host(), redis.port());
            } catch (IOException e) {
                closeQuietly(client);
                continue;
            }
            sockets.add(client);
            sockets.add(upstream);
            AtomicReference<Pause> replyToPause = new AtomicReference<>();
            start(() -> pump(client, upstream, (bytes, length) -> {
                Pause pause = armed.get();
                if (pause != null && pause.matches(bytes, length) && armed.compareAndSet(pause, null)) {
                    if (pause.where() == Where.COMMAND) {
                        waitFor(pause);
                    } else {
                        replyToPause.set(pause); // set before Redis can answer: the command is not sent yet
                    }
                }
            }));
            start(() -> pump(upstream, client, (bytes, length) -> {
                Pause pause = replyToPause.getAndSet(null);
                if (pause != null) {
                    waitFor(pause);
                }
            }));
        }
    }

    private void start(Runnable pump) {
        Thread thread = new Thread(pump, "pausing-relay-pump");
        pumps.add(thread);
        thread.start();
    }

    /** What a pump does with each chunk before it passes it on. */
    private interface BeforeForward {
        void run(byte[] bytes, int length);
    }

    /** Passes bytes from one socket to the other until either closes. */
    private static void pump(Socket from, Socket to, BeforeForward hook) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                hook.run(buffer, read);
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException closed) {
            // one side went away: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void waitFor(Pause pause) {
        pause.reached().countDown();
        try {
            pause.released().await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is all that is left to do
        }
    }
}

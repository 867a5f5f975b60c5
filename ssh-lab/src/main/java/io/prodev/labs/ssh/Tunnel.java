package io.prodev.labs.ssh;

import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local port forwarding, what {@code ssh -L [BIND:]PORT:HOST:HOSTPORT user@server} opens: a port on this machine
 * whose every connection is carried through one SSH session and connected, by the server, to HOST:HOSTPORT as the
 * server sees it. HOST is often the server's own loopback ({@code 127.0.0.1}), to reach a service that listens
 * there only.
 *
 * <p>Close it to remove the forwarding and end its session.
 */
public final class Tunnel implements AutoCloseable {

    /** SSH's reason code for a channel the server does not allow (RFC 4254, 5.1): the forwarding is refused. */
    static final int ADMINISTRATIVELY_PROHIBITED = 1;

    // BEGIN SOLUTION: remove
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    // END SOLUTION

    // BEGIN SOLUTION: remove
    private final Session session;
    private final String bindAddress;
    private final int localPort;
    private final List<Thread> threads;
    private boolean closed;
    // END SOLUTION

    // BEGIN SOLUTION: remove
    private Tunnel(Session session, String bindAddress, int localPort, List<Thread> threads) {
        this.session = session;
        this.bindAddress = bindAddress;
        this.localPort = localPort;
        this.threads = threads;
    }
    // END SOLUTION

    /**
     * Logs in to {@code target} (task 2's {@link SshSessions}) and forwards {@code bindAddress:localPort} to
     * {@code remoteHost:remotePort} through the server.
     *
     * @param bindAddress the local address to listen on: {@code 127.0.0.1} for this machine only
     * @param localPort the local port, or 0 for a free one ({@link #localPort()} tells which)
     * @param remoteHost the host the server connects to, as the server names it ({@code 127.0.0.1}: the server itself)
     * @param connectTimeout how long connecting, logging in and asking the server for the forwarding may take
     * @throws SshFailure naming what failed: the key, the connection, the host key, the login (task 2), the local
     *     port that cannot be bound, the forwarding that the server refuses; nothing is left open then
     * @throws IllegalArgumentException naming the value, for a blank host, a port out of range or a timeout under 1 ms
     */
    public static Tunnel open(
            SshTarget target,
            String bindAddress,
            int localPort,
            String remoteHost,
            int remotePort,
            Duration connectTimeout) {
        Objects.requireNonNull(target, "target");
        // BEGIN SOLUTION
        requireText("bindAddress", bindAddress);
        requireText("remoteHost", remoteHost);
        if (localPort < 0 || localPort > 65_535) {
            throw new IllegalArgumentException("localPort must be 0 (a free one) to 65535, got: " + localPort);
        }
        if (remotePort < 1 || remotePort > 65_535) {
            throw new IllegalArgumentException("remotePort must be 1 to 65535, got: " + remotePort);
        }
        if (connectTimeout == null || connectTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("connectTimeout must be at least 1 ms, got: " + connectTimeout);
        }
        JSch jsch = SshSessions.withKeyAndKnownHosts(target);
        Session session = SshSessions.connect(jsch, target, connectTimeout);
        String forwarding =
                bindAddress + ":" + localPort + " -> " + remoteHost + ":" + remotePort + " through " + target.address();
        // The threads JSch starts from here on (the one that accepts connections, one per connection), kept to wait
        // for them when closing.
        List<Thread> threads = new CopyOnWriteArrayList<>();
        session.setThreadFactory(work -> {
            Thread thread = new Thread(work);
            threads.add(thread);
            return thread;
        });
        try {
            int bound;
            try {
                bound = session.setPortForwardingL(
                        bindAddress, localPort, remoteHost, remotePort, null, (int) connectTimeout.toMillis());
            } catch (JSchException e) {
                throw new SshFailure(
                        "cannot listen on " + bindAddress + ":" + localPort + " (in use?) for " + forwarding, e);
            }
            checkAllowed(session, remoteHost, remotePort, connectTimeout, forwarding);
            return new Tunnel(session, bindAddress, bound, threads);
        } catch (RuntimeException e) {
            session.disconnect(); // also removes the forwarding: its listening socket closes, its thread ends
            awaitEnd(threads);
            throw e;
        }
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    /**
     * Asks the server once, at opening, for a channel to the target, as every connection through the tunnel will:
     * a server that refuses the forwarding says so now rather than at the first connection. A target that is down
     * (connection refused on the server's side) is no reason to fail: it may be up by the first connection.
     */
    private static void checkAllowed(
            Session session, String remoteHost, int remotePort, Duration connectTimeout, String forwarding) {
        ChannelDirectTCPIP probe;
        try {
            probe = (ChannelDirectTCPIP) session.openChannel("direct-tcpip");
        } catch (JSchException e) {
            throw new SshFailure("cannot open a channel for " + forwarding + ": " + e.getMessage(), e);
        }
        probe.setHost(remoteHost);
        probe.setPort(remotePort);
        try {
            probe.connect((int) connectTimeout.toMillis()); // no input stream: connects here, on this thread
        } catch (JSchException e) {
            if (!session.isConnected()) {
                throw new SshFailure("the session ended while opening " + forwarding, e);
            }
            if (probe.getExitStatus() == ADMINISTRATIVELY_PROHIBITED) {
                throw new SshFailure("the server refused the forwarding " + forwarding, e);
            }
            // the target is down or unreachable from the server: connections will end until it is up
        } finally {
            probe.disconnect();
        }
    }

    /**
     * Waits (bounded) for JSch's forwarding threads to end. A thread blocked in {@code accept()} keeps the closed
     * listening socket accepting until the call returns: only once it has ended does the port surely refuse.
     */
    private static void awaitEnd(List<Thread> threads) {
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        boolean interrupted = Thread.interrupted(); // wait even on an interrupted thread (a closing command's)
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                thread.join(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true; // finish waiting; keep the interrupt for the caller
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    what + " must not be blank, got: " + (value == null ? "null" : "\"" + value + "\""));
        }
    }
    // END SOLUTION

    /** The local port the tunnel listens on: the one asked for, or the free one chosen when 0 was. */
    public int localPort() {
        // BEGIN SOLUTION
        return localPort;
        // END SOLUTION
    }

    /** Whether it still forwards: false once closed, and once its session ended (the server or network dropped it). */
    public boolean isOpen() {
        // BEGIN SOLUTION
        synchronized (this) {
            return !closed && session.isConnected();
        }
        // END SOLUTION
    }

    /**
     * Removes the forwarding (the local port accepts no connection and can be bound again) and ends the session,
     * which ends the connections still open through it. Closing again does nothing.
     */
    @Override
    public void close() {
        // BEGIN SOLUTION
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            session.delPortForwardingL(bindAddress, localPort);
        } catch (JSchException e) {
            // already removed: the session ended on its own
        } finally {
            session.disconnect(); // closes every channel, and with it each connection's local socket
            awaitEnd(threads);
        }
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    @Override
    public String toString() {
        return "Tunnel[" + bindAddress + ":" + localPort + (isOpen() ? ", open" : ", closed") + "]";
    }
    // END SOLUTION
}

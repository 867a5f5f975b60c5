package io.prodev.labs.ssh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One command on several hosts in parallel, as fleet tools (pssh, Ansible's ad-hoc commands) do: a result for every
 * host, the ones that failed or timed out too, so one dead server never hides what the others did.
 */
public final class FanOut {

    private FanOut() {}

    /**
     * Runs {@code command} on every host with {@link RemoteCommand#run}, at most {@code parallelism} hosts at once,
     * and returns one result per host, in the order of {@code hosts} (a host given twice runs twice).
     *
     * <p>A host's turn starts when one of the {@code parallelism} slots is free; from then on, connecting, logging
     * in and running the command together may take {@code perHostTimeout}. A host not done by then is {@link
     * HostTimedOut}: it is given up on, its command stopped and its session closed, and the next host takes its
     * slot. A host whose connection, login or command fails is {@link HostFailed} with the {@link SshFailure}'s
     * message; neither kind changes the other hosts' results.
     *
     * <p>When it returns, or throws, every thread it started has ended and every session is closed: interrupted,
     * it stops the hosts still running, waits for their threads, and throws {@link InterruptedException}.
     *
     * @param hosts the hosts, at least one
     * @param command the command every host runs
     * @param perHostTimeout how long one host may take from the start of its turn, at least 1 ms
     * @param parallelism how many hosts may run at once, at least 1
     * @return one result per host, in the order of {@code hosts}
     * @throws IllegalArgumentException naming the value, before any host runs: no hosts, a null host, a blank
     *     command, a timeout null or under 1 ms, a parallelism under 1
     * @throws InterruptedException if the calling thread was interrupted while it waited for the hosts
     */
    public static List<HostResult> run(List<SshTarget> hosts, String command, Duration perHostTimeout, int parallelism)
            throws InterruptedException {
        // BEGIN SOLUTION
        if (hosts == null || hosts.isEmpty()) {
            throw new IllegalArgumentException("hosts must hold at least one host, got: " + hosts);
        }
        if (hosts.stream().anyMatch(Objects::isNull)) { // List.of(...).contains(null) would throw
            throw new IllegalArgumentException("hosts must not hold null, got: " + hosts);
        }
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException(
                    "command must not be blank, got: " + (command == null ? "null" : "\"" + command + "\""));
        }
        if (perHostTimeout == null || perHostTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("perHostTimeout must be at least 1 ms, got: " + perHostTimeout);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got: " + parallelism);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, hosts.size()));
        try {
            List<Turn> turns = new ArrayList<>();
            for (SshTarget host : hosts) {
                turns.add(new Turn(host, command, perHostTimeout, pool));
            }
            List<HostResult> results = new ArrayList<>();
            for (Turn turn : turns) {
                results.add(turn.result());
            }
            return results;
        } finally {
            pool.shutdownNow(); // interrupts the hosts still running: their commands stop, their sessions close
            awaitUninterruptibly(pool);
        }
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    /** One host's turn: it runs on a pool thread; the caller waits for it until its own deadline. */
    private static final class Turn {

        private final SshTarget host;
        private final String command;
        private final Duration timeout;
        private final CountDownLatch started = new CountDownLatch(1);
        private volatile long startedAt;
        private final Future<HostResult> future;

        Turn(SshTarget host, String command, Duration timeout, ExecutorService pool) {
            this.host = host;
            this.command = command;
            this.timeout = timeout;
            this.future = pool.submit(this::take);
        }

        /** On a pool thread, when a slot is free. */
        private HostResult take() {
            startedAt = System.nanoTime();
            started.countDown();
            HostResult result;
            try {
                // Connecting may take the whole timeout, so a silent server ends the thread by the deadline; past
                // connecting, the caller's interrupt stops the command.
                result = new HostSucceeded(host, RemoteCommand.run(host, command, timeout, timeout));
            } catch (SshFailure e) {
                result = new HostFailed(host, e.getMessage());
            }
            // A result that came after the deadline is not one: the caller has given up on this host by then.
            return System.nanoTime() - startedAt < timeout.toNanos() ? result : new HostTimedOut(host, timeout);
        }

        /** On the caller's thread: the result, or timed out once the host's deadline has passed. */
        HostResult result() throws InterruptedException {
            started.await(); // every earlier host has ended or been given up on, so a slot frees
            long left = startedAt + timeout.toNanos() - System.nanoTime();
            try {
                return future.get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                return new HostTimedOut(host, timeout);
            } catch (ExecutionException e) {
                throw new IllegalStateException("fan-out to " + host.address() + " broke", e.getCause());
            }
        }
    }

    /** Waits for the pool's threads to end, even if interrupted meanwhile (then the interrupt is kept). */
    private static void awaitUninterruptibly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
    // END SOLUTION
}

package io.prodev.labs.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.ssh.SshEndpoint;
import io.prodev.labs.labkit.ssh.SshTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("6")
@Hidden
@SshTest
class FanOutHiddenTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    private SshEndpoint endpoint;
    private SshTarget server;

    @BeforeEach
    void setUp(SshEndpoint endpoint) {
        this.endpoint = endpoint;
        this.server = TestTargets.of(endpoint, folder);
    }

    private enum Kind {
        ANSWERS,
        PORT_CLOSED,
        KEY_NOT_AUTHORIZED,
        HOST_KEY_UNKNOWN
    }

    @Hint("every host gets its own result, whatever became of the hosts before and beside it")
    @Test
    void eachOfManyHostsGetsItsOwnResult() throws Exception {
        Path stranger = folder.resolve("stranger");
        RemoteCommandTest.writeKey(stranger, null);
        Path emptyKnownHosts = Files.writeString(folder.resolve("empty_known_hosts"), "");
        int closedPort = FanOutTest.closedPort();
        Map<Kind, SshTarget> targets = Map.of(
                Kind.ANSWERS, server,
                Kind.PORT_CLOSED, TestTargets.withPort(server, closedPort),
                Kind.KEY_NOT_AUTHORIZED, TestTargets.withKey(server, stranger, null),
                Kind.HOST_KEY_UNKNOWN, TestTargets.withKnownHosts(server, emptyKnownHosts));
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            List<Kind> kinds = new ArrayList<>();
            List<SshTarget> hosts = new ArrayList<>();
            for (int i = 0, n = 5 + random.nextInt(4); i < n; i++) {
                Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
                kinds.add(kind);
                hosts.add(targets.get(kind));
            }
            int parallelism = 1 + random.nextInt(4);

            List<HostResult> results =
                    assertTimeoutPreemptively(BOUND, () -> FanOut.run(hosts, "echo hi", TIMEOUT, parallelism));

            String run = "run on " + kinds + " with a parallelism of " + parallelism;
            assertThat(results).as("results of %s", run).hasSize(hosts.size());
            for (int i = 0; i < hosts.size(); i++) {
                HostResult result = results.get(i);
                assertThat(result.target())
                        .as("target of result %d of %s", i, run)
                        .isEqualTo(hosts.get(i));
                if (kinds.get(i) == Kind.ANSWERS) {
                    assertThat(result)
                            .as("result %d of %s", i, run)
                            .isEqualTo(new HostSucceeded(server, new CommandResult("hi\n", "", 0)));
                } else {
                    String address = "127.0.0.1:" + hosts.get(i).port();
                    assertThat(result)
                            .as("result %d (%s) of %s", i, kinds.get(i), run)
                            .isInstanceOfSatisfying(
                                    HostFailed.class,
                                    failed -> assertThat(failed.message())
                                            .as("its message")
                                            .contains(address));
                }
            }
        }
    }

    @Hint("when run returns, every thread it started has ended: a pool left running is a leak")
    @Test
    void noThreadOutlivesTheCall() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<SshTarget> hosts = List.of(
                    server,
                    TestTargets.withPort(server, FanOutTest.closedPort()),
                    TestTargets.withPort(server, silent.getLocalPort()),
                    FanOutTest.another(server, "other"));

            assertTimeoutPreemptively(BOUND, () -> FanOut.run(hosts, "echo hi", Duration.ofMillis(800), 3));
        }

        // Threads end a moment after their work does.
        await().atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(threadsSince(before))
                        .as("threads the call started, alive after it returned")
                        .isEmpty());
    }

    @Hint("interrupted, run stops the hosts, waits until their threads have ended, then throws InterruptedException")
    @Test
    void anInterruptedCallWaitsForItsThreadsThenThrows() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<SshTarget> hosts = List.of(TestTargets.withPort(server, silent.getLocalPort()), server);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<List<String>> busyWhenItEnded = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    FanOut.run(hosts, "echo hi", Duration.ofSeconds(1), 1);
                } catch (Throwable e) {
                    thrown.set(e);
                } finally {
                    busyWhenItEnded.set(threadsRunningAHost());
                }
            });
            caller.start();
            try (Socket connecting = acceptWhileAlive(silent, caller, thrown)) { // the first host is connecting
                caller.interrupt();
                assertTimeoutPreemptively(BOUND, () -> caller.join());
            }

            assertThat(thrown.get())
                    .as("what run threw when interrupted while a host was connecting")
                    .isInstanceOf(InterruptedException.class);
            assertThat(busyWhenItEnded.get())
                    .as("threads still running a host when the interrupted run threw")
                    .isEmpty();
        }
    }

    /**
     * The first connection to {@code listener}, within {@link #BOUND}; fails at once, saying what it threw, if
     * {@code caller} ends before anything connects (a run that failed before connecting to any host).
     */
    private static Socket acceptWhileAlive(ServerSocket listener, Thread caller, AtomicReference<Throwable> thrown)
            throws IOException {
        listener.setSoTimeout(50);
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (true) {
            try {
                return listener.accept();
            } catch (SocketTimeoutException notYet) {
                if (!caller.isAlive()) {
                    throw new AssertionError(
                            "run ended before its first host connected: it threw " + thrown.get(), thrown.get());
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("run did not connect to its first host within " + BOUND);
                }
            }
        }
    }

    @Hint("a host's thread is free again by the end of its per-host timeout, even when its server never answers")
    @Test
    void theCallTakesAboutTheTimeoutPerRound() throws Exception {
        ServerSocket[] silent = new ServerSocket[4];
        try {
            List<SshTarget> hosts = new ArrayList<>();
            for (int i = 0; i < silent.length; i++) {
                silent[i] = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                hosts.add(TestTargets.withPort(server, silent[i].getLocalPort()));
            }
            Duration timeout = Duration.ofMillis(500);

            // 2 rounds of 0.5 s; the bound only catches a call that waits for much more than that.
            List<HostResult> results =
                    assertTimeoutPreemptively(Duration.ofSeconds(4), () -> FanOut.run(hosts, "echo hi", timeout, 2));

            for (int i = 0; i < hosts.size(); i++) {
                assertThat(results.get(i))
                        .as("result %d of 4 servers that never answer, 2 at a time, 0.5 s each", i)
                        .isEqualTo(new HostTimedOut(hosts.get(i), timeout));
            }
        } finally {
            for (ServerSocket socket : silent) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }

    @Hint("a host that runs past its timeout is stopped then: its command ends and its session closes")
    @Test
    void aCommandThatRunsPastTheTimeoutIsStopped() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        List<SshTarget> hosts = List.of(server, FanOutTest.another(server, "other"));
        Duration timeout = Duration.ofMillis(500);

        List<HostResult> results =
                assertTimeoutPreemptively(Duration.ofSeconds(4), () -> FanOut.run(hosts, "sleep 30", timeout, 2));

        for (int i = 0; i < hosts.size(); i++) {
            assertThat(results.get(i))
                    .as("result %d of `sleep 30` on 2 hosts with a per-host timeout of 0.5 s", i)
                    .isEqualTo(new HostTimedOut(hosts.get(i), timeout));
        }
        // The server runs each command on a thread of its own (sshd-labkit-ssh-command-...), ended when its channel
        // closes; the client's session thread (JSch's Connect thread) ends when its session does.
        await().atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(threadsSince(before).stream()
                                .filter(name ->
                                        name.startsWith("Connect thread") || name.contains("labkit-ssh-command")))
                        .as("session threads and the server's command threads, alive after run returned")
                        .isEmpty());
    }

    /** Other live threads that were not there before, leaving out the fixture server's own (sshd-SshServer...). */
    private static List<String> threadsSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> !before.contains(thread) && thread != Thread.currentThread())
                .map(Thread::getName)
                .filter(name -> !name.startsWith("sshd-SshServer"))
                .sorted()
                .toList();
    }

    /** Other threads in the middle of running a host: in FanOut, task 2's code or JSch. */
    private static List<String> threadsRunningAHost() {
        List<String> busy = new ArrayList<>();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            boolean running = Arrays.stream(stack)
                    .map(StackTraceElement::getClassName)
                    .anyMatch(name -> name.startsWith("io.prodev.labs.ssh.FanOut$")
                            || name.equals("io.prodev.labs.ssh.FanOut")
                            || name.startsWith("io.prodev.labs.ssh.RemoteCommand")
                            || name.startsWith("io.prodev.labs.ssh.SshSessions")
                            || name.startsWith("com.jcraft.jsch."));
            if (running && thread != Thread.currentThread()) {
                busy.add(thread.getName() + " " + Arrays.asList(stack).subList(0, Math.min(4, stack.length)));
            }
        });
        return busy;
    }
}

package io.prodev.labs.grader.launch;

import io.prodev.labs.grader.Directories;
import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.grader.testjvm.WorkerMain;
import io.prodev.labs.grader.testjvm.WorkerMessage;
import io.prodev.labs.grader.testjvm.WorkerMessage.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One warm test JVM ({@link WorkerMain}), inside the OS sandbox when this machine has one. The JVM starts the
 * fixtures its lab names (a Redis server, ...) inside itself, so they listen on the sandbox's own loopback,
 * and resets them before each submission. Each submission's classes go in through a read-only inbox and its
 * events come out through an outbox: the JVM sees nothing else of the grader's folders. Used by one grading
 * thread at a time.
 */
final class WarmWorker implements AutoCloseable {

    /** How long a new worker may take to say it is ready. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** What the reply reader hands on when the worker's output ends: the worker is gone. */
    private static final String ENDED =
            WorkerMessage.of(Kind.ABANDON, "the worker JVM ended").line();

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final List<String> fixtures;
    private final Path inbox;
    private final Path outbox;
    private final Path log;
    private int runs;
    private boolean closed;

    /**
     * What the worker said about one run.
     *
     * @param message  its reply; an ABANDON when it could not be asked or did not answer
     * @param timedOut it said nothing before the whole-run limit and was killed
     */
    record Reply(WorkerMessage message, boolean timedOut) {

        static Reply abandon(String why) {
            return new Reply(WorkerMessage.of(Kind.ABANDON, why), false);
        }

        /** The run's results stand, those it streamed before a kill at the time limit included. */
        boolean resultsStand() {
            return timedOut || message.kind() != Kind.ABANDON;
        }

        /** The worker is ready for another submission. */
        boolean workerGoesOn() {
            return !timedOut && message.kind() == Kind.CLEAN;
        }

        String why() {
            return timedOut ? "its run reached the time limit" : message.why();
        }
    }

    /** Thrown when no worker can run here; the reason says why, and grading goes on with a JVM per submission. */
    static final class Unavailable extends Exception {
        Unavailable(String why) {
            super(why);
        }
    }

    private WarmWorker(Process process, Path dir, Path log) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.inbox = dir.resolve("inbox");
        this.outbox = dir.resolve("outbox");
        this.log = log;
        this.fixtures = new ArrayList<>();
        Thread reader = new Thread(this::readReplies, "warm-worker-replies-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static WarmWorker start(PreparedLab lab, RunLimits limits, Path dir) throws Unavailable {
        Path workspace = dir.resolve("sandbox");
        Path log = dir.resolve("worker.log");
        WarmWorker worker;
        try {
            TestJvm.createWorkspace(workspace);
            Files.createDirectories(dir.resolve("inbox"));
            Files.createDirectories(dir.resolve("outbox"));
            List<Path> classpath = new ArrayList<>(List.of(lab.runnerClasses()));
            classpath.addAll(lab.classpath());
            List<String> java = TestJvm.command(
                    limits,
                    workspace,
                    classpath,
                    WorkerMain.class.getName(),
                    List.of(
                            workspace.toString(),
                            lab.testClasses().toString(),
                            lab.hiddenTests().toString(),
                            Long.toString(limits.perTest().toSeconds()),
                            Integer.toString(limits.outputBytes()),
                            String.join(",", lab.catalogue().fixtures())));
            List<Path> readable = new ArrayList<>(classpath);
            readable.addAll(List.of(lab.testClasses(), lab.hiddenTests(), dir.resolve("inbox")));
            List<String> command = OsSandbox.detect()
                    .wrap(java, readable, List.of(workspace, dir.resolve("outbox")), workspace.resolve("work"));
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process process = TestJvm.start(builder, workspace, Map.of());
            worker = new WarmWorker(process, dir, log);
        } catch (IOException | RuntimeException e) {
            throw new Unavailable("a warm test JVM could not start: " + e);
        }
        worker.awaitReady();
        return worker;
    }

    /** Waits for the worker's first word; a worker that does not say it is ready is closed. */
    private void awaitReady() throws Unavailable {
        String hello;
        try {
            hello = replies.poll(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            hello = "interrupted";
        }
        WorkerMessage message = hello == null ? null : parseQuietly(hello);
        Kind kind = message == null ? null : message.kind();
        if (kind != Kind.READY) {
            close();
            throw new Unavailable(
                    kind == Kind.UNSANDBOXED
                            ? "this JDK has no SecurityManager, and a warm JVM without the sandbox could let one submission reach the next"
                            : kind == Kind.ABANDON
                                    ? "a warm test JVM could not start: " + message.why()
                                    : "a warm test JVM did not start (" + (hello == null ? "no answer" : hello) + "): "
                                            + TestJvm.logTail(log));
        }
        Arrays.stream(message.why().split("; ")).filter(line -> !line.isBlank()).forEach(fixtures::add);
    }

    private static WorkerMessage parseQuietly(String line) {
        try {
            return WorkerMessage.parse(line);
        } catch (IllegalArgumentException notAMessage) {
            return null;
        }
    }

    /** The fixtures this worker started inside itself, one line each: none for a lab that names none. */
    List<String> fixtures() {
        return List.copyOf(fixtures);
    }

    /**
     * Runs every test against {@code classes}, the visible run's events going to {@code visibleEvents} and the
     * hidden run's to {@code hiddenEvents}; kills the worker past {@code limit}. The worker resets its fixtures
     * before the run.
     */
    Reply run(Path visibleEvents, Path hiddenEvents, Path classes, Duration limit) {
        runs++;
        Path inboxClasses = inbox.resolve("run-" + runs);
        Path outboxVisible = outbox.resolve("visible-events-" + runs + ".jsonl");
        Path outboxHidden = outbox.resolve("hidden-events-" + runs + ".jsonl");
        try {
            Directories.copy(classes, inboxClasses);
            commands.write(WorkerMessage.of(
                                    Kind.RUN,
                                    outboxVisible.toString(),
                                    outboxHidden.toString(),
                                    inboxClasses.toString())
                            .line()
                    + "\n");
            commands.flush();
            String reply = replies.poll(limit.toNanos(), TimeUnit.NANOSECONDS);
            if (reply == null) {
                close();
                return new Reply(WorkerMessage.of(Kind.ABANDON, "time limit"), true);
            }
            return new Reply(WorkerMessage.parse(reply), false);
        } catch (IOException | RuntimeException e) {
            close();
            return Reply.abandon("the worker failed: " + e);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            return Reply.abandon("interrupted");
        } finally {
            moveQuietly(outboxVisible, visibleEvents);
            moveQuietly(outboxHidden, hiddenEvents);
            Directories.deleteQuietly(inboxClasses);
        }
    }

    private static void moveQuietly(Path from, Path to) {
        try {
            if (Files.exists(from)) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // the run's results are then missing, and the submission runs again in a fresh JVM
        }
    }

    int runs() {
        return runs;
    }

    private void readReplies() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                replies.add(line);
            }
        } catch (IOException ended) {
            // the worker is gone; the marker below says so
        }
        replies.add(ENDED);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        TestJvm.kill(process);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

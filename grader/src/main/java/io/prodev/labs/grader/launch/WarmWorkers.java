package io.prodev.labs.grader.launch;

import io.prodev.labs.grader.Directories;
import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.grader.testjvm.WorkerMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Warm test JVMs that run one submission after another, each in a class loader of its own: JVM start-up,
 * library class loading and JIT compiling are paid once per worker, not once per submission.
 *
 * <p>A warm run counts when every test finished, none timed out and nothing crashed. Otherwise {@link #run}
 * returns nothing and the submission runs again in a fresh JVM ({@link ForkedTestRun}), exactly as it would
 * have without warm workers. The one exception is the whole-run time limit: as in a fresh JVM, the tests
 * that finished before it stand and the rest count as not passed. A worker whose JVM is not as clean after
 * a run as before (a thread left running, a system property or another JVM-wide setting changed) is
 * replaced; so is one that saw anything unusual. Without the sandbox (a JDK with no SecurityManager) no
 * worker starts.
 */
public final class WarmWorkers implements AutoCloseable {

    /** A fresh worker now and then keeps slow build-ups (metaspace, library caches) from mattering. */
    private static final int RUNS_PER_WORKER = 50;

    private final PreparedLab lab;
    private final RunLimits limits;
    private final Consumer<String> log;
    private final Path root;
    private final BlockingDeque<WarmWorker> idle = new LinkedBlockingDeque<>();
    private final AtomicInteger starting = new AtomicInteger();
    private final Set<WarmWorker> started = ConcurrentHashMap.newKeySet();
    private final AtomicInteger workerCount = new AtomicInteger();
    private final AtomicInteger warmRuns = new AtomicInteger();
    private final Queue<String> replacements = new ConcurrentLinkedQueue<>();
    private final Queue<String> fixturesStarted = new ConcurrentLinkedQueue<>();
    private volatile String unavailable;
    private volatile boolean closed;

    /**
     * @param log where a line goes when warm runs turn out to be impossible here
     * @throws io.prodev.labs.grader.GraderException when the lab's lab.json names a fixture its class path lacks
     */
    public WarmWorkers(PreparedLab lab, RunLimits limits, Consumer<String> log) {
        this.lab = lab;
        LabFixtures.of(lab).close(); // a fixture lab.json names but no module provides is the lab's mistake: say so now
        this.limits = limits;
        this.log = log;
        try {
            this.root = Files.createTempDirectory("grader-workers-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for warm test JVMs", e);
        }
    }

    /**
     * Runs the tests against a submission's classes in a warm JVM.
     *
     * @return the outcome, or nothing when the run has to be done in a fresh JVM instead
     */
    public Optional<RunOutcome> run(String submissionId, Path scratch, Path classes) {
        WarmWorker worker = idle.pollFirst();
        try {
            while (worker == null && starting.get() > 0) { // one is on its way: waiting beats starting another
                worker = idle.pollFirst(50, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (worker == null) {
            worker = start();
            if (worker == null) {
                return Optional.empty();
            }
        }
        Path eventFile = scratch.resolve("events-warm.jsonl");
        Path hiddenEventFile = scratch.resolve("events-warm-hidden.jsonl");
        WarmWorker.Reply reply = worker.run(eventFile, hiddenEventFile, classes, limits.wholeRun());
        if (reply.workerGoesOn() && worker.runs() < RUNS_PER_WORKER) {
            idle.addFirst(worker);
        } else {
            if (!reply.workerGoesOn()) {
                String why = submissionId + ": " + reply.why();
                replacements.add(why);
                log.accept("note: a warm test JVM was replaced after " + why);
            }
            started.remove(worker);
            worker.close();
        }
        Optional<RunOutcome> outcome =
                reply.resultsStand() ? outcome(reply, eventFile, hiddenEventFile) : Optional.empty();
        if (reply.message().kind() == WorkerMessage.Kind.RETIRE) {
            outcome = outcome.map(counted -> withNote(counted, leftBehindNote(reply.why())));
        }
        outcome.ifPresent(counted -> warmRuns.incrementAndGet());
        return outcome;
    }

    /** What the learner reads when their code left a thread running, a socket open or a JVM-wide setting changed. */
    static String leftBehindNote(String what) {
        return "Your code left something behind in the test JVM when its tests ended: " + what
                + ". It cost no points, but in a real program it would leak or surprise the code that runs next.";
    }

    private static RunOutcome withNote(RunOutcome outcome, String note) {
        List<String> notes = new ArrayList<>(outcome.notes());
        notes.add(note);
        return new RunOutcome(outcome.tests(), notes, outcome.incomplete());
    }

    /** The results a warm run streamed, when they are complete or cut by the time limit; nothing otherwise. */
    private Optional<RunOutcome> outcome(WarmWorker.Reply reply, Path eventFile, Path hiddenEventFile) {
        EventLog events = new EventLog();
        try {
            boolean completed = events.add(eventFile);
            if (lab.hasHiddenTests()) {
                completed &= events.add(hiddenEventFile, true);
                if (!events.anyHiddenTestKnown()) {
                    return Optional.empty(); // the hidden tests must be counted: a fresh JVM runs them
                }
            }
            if (!events.anyTestKnown()) {
                return Optional.empty(); // a fresh JVM says why no test ran in words of its own
            }
            if (reply.timedOut()) { // as in a fresh JVM: what finished before the limit stands
                List<String> notes = new ArrayList<>(events.notes());
                notes.add(EventLog.unfinishedNote(limits.stoppedAtTimeLimit()));
                return Optional.of(new RunOutcome(events.results(limits.stoppedAtTimeLimit()), notes));
            }
            if (!completed || !events.unfinished().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new RunOutcome(events.results("ended early"), events.notes()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts {@code count} workers in the background, so that their start-up overlaps the compiling of the
     * first submissions instead of following it.
     */
    public void prestart(int count) {
        for (int i = 0; i < count; i++) {
            starting.incrementAndGet();
            Thread starter = new Thread(
                    () -> {
                        try {
                            WarmWorker worker = start();
                            if (worker != null) {
                                idle.addLast(worker);
                                if (closed) { // the batch ended while this one started
                                    worker.close();
                                }
                            }
                        } finally {
                            starting.decrementAndGet();
                        }
                    },
                    "warm-worker-start-" + i);
            starter.setDaemon(true);
            starter.start();
        }
    }

    /** How many submissions' results came from a warm JVM. */
    public int warmRuns() {
        return warmRuns.get();
    }

    /** Why workers were replaced, one line per replacement: "SUBMISSION: what its run left behind". */
    public List<String> replacements() {
        return List.copyOf(replacements);
    }

    /** The fixture instances started so far, one line each: a worker of a lab that names none starts none. */
    public List<String> fixturesStarted() {
        return List.copyOf(fixturesStarted);
    }

    /** Why no warm JVM runs here, or null while they can. */
    public String unavailable() {
        return unavailable;
    }

    private WarmWorker start() {
        if (unavailable != null || closed) {
            return null;
        }
        try {
            WarmWorker worker = WarmWorker.start(lab, limits, root.resolve("worker-" + workerCount.incrementAndGet()));
            started.add(worker);
            fixturesStarted.addAll(worker.fixtures());
            return worker;
        } catch (WarmWorker.Unavailable e) {
            if (closed) { // the batch ended while this one started and its folder is gone: nothing to report
                return null;
            }
            if (unavailable == null) {
                unavailable = e.getMessage();
                log.accept("note: every submission runs in a fresh JVM of its own: " + e.getMessage());
            }
            return null;
        }
    }

    @Override
    public void close() {
        closed = true;
        started.forEach(WarmWorker::close);
        started.clear();
        idle.clear();
        Directories.deleteQuietly(root);
    }
}

package io.prodev.labs.grader.testjvm;

import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.ResponseCache;
import java.security.Security;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import java.util.logging.Logger;

/**
 * What a warm worker's JVM looked like before a submission ran, so that afterwards it can tell what the
 * run left behind: a thread still alive (one the submission's code started, or one running it), a socket
 * still open (a connection or a server socket), a system property, the default locale or time zone, System.out or another JVM-wide default changed. A worker whose JVM is not as it was must not run the
 * next submission.
 */
final class LeftBehind {

    /** How long threads and sockets a run opened get to end on their own (an executor winding down, say). */
    private static final long GRACE_MILLIS = 500;

    private final Set<Thread> threads;
    private final Set<String> sockets;
    private final Map<String, String> properties;
    private final Locale locale;
    private final TimeZone timeZone;
    private final Map<String, Object> defaults;

    private LeftBehind(
            Set<Thread> threads,
            Set<String> sockets,
            Map<String, String> properties,
            Locale locale,
            TimeZone timeZone,
            Map<String, Object> defaults) {
        this.threads = threads;
        this.sockets = sockets;
        this.properties = properties;
        this.locale = locale;
        this.timeZone = timeZone;
        this.defaults = defaults;
    }

    static LeftBehind snapshot() {
        return new LeftBehind(
                Set.copyOf(Thread.getAllStackTraces().keySet()),
                OpenSockets.inodes(),
                properties(),
                Locale.getDefault(),
                TimeZone.getDefault(),
                defaults());
    }

    /**
     * The JVM-wide objects a test or learner code may replace: compared by identity, so a test that swaps
     * System.out and puts it back leaves nothing behind.
     */
    private static Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("System.out", System.out);
        defaults.put("System.err", System.err);
        defaults.put("System.in", System.in);
        defaults.put("the default uncaught exception handler", Thread.getDefaultUncaughtExceptionHandler());
        defaults.put("the default proxy selector", ProxySelector.getDefault());
        defaults.put("the default cookie handler", CookieHandler.getDefault());
        defaults.put("the default response cache", ResponseCache.getDefault());
        defaults.put("the default authenticator", Authenticator.getDefault());
        defaults.put("the security providers", List.of(Security.getProviders()));
        defaults.put("the root logger's level", Logger.getLogger("").getLevel());
        defaults.put("the root logger's handlers", List.of(Logger.getLogger("").getHandlers()));
        return defaults;
    }

    /**
     * @return what differs from the snapshot, in words; empty when the JVM is as it was
     */
    List<String> since() throws InterruptedException {
        List<String> changes = new ArrayList<>();
        long deadline = System.nanoTime() + GRACE_MILLIS * 1_000_000;
        List<Thread> stillRunning = runningSince();
        Set<String> stillOpen = openedSince();
        while ((!stillRunning.isEmpty() || !stillOpen.isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            stillRunning = runningSince();
            stillOpen = openedSince();
        }
        stillRunning.forEach(thread -> changes.add("thread '" + thread.getName() + "' was still running"));
        OpenSockets.describe(stillOpen).forEach(socket -> changes.add(socket + " was still open"));
        Map<String, String> nowProperties = properties();
        if (!nowProperties.equals(properties)) {
            List<String> keys = new ArrayList<>();
            properties.keySet().stream()
                    .filter(key -> !nowProperties.containsKey(key))
                    .forEach(keys::add);
            nowProperties.forEach((key, value) -> {
                if (!value.equals(properties.get(key))) {
                    keys.add(key);
                }
            });
            changes.add("system properties changed: "
                    + String.join(", ", keys.stream().sorted().toList()));
        }
        Map<String, Object> now = defaults();
        defaults.forEach((what, before) -> {
            if (!sameObjects(before, now.get(what))) {
                changes.add(what + " changed");
            }
        });
        if (!Locale.getDefault().equals(locale)) {
            changes.add("the default locale changed to " + Locale.getDefault());
        }
        if (!TimeZone.getDefault().hasSameRules(timeZone)
                || !TimeZone.getDefault().getID().equals(timeZone.getID())) {
            changes.add(
                    "the default time zone changed to " + TimeZone.getDefault().getID());
        }
        return changes;
    }

    /**
     * Threads born during the run that still matter: any that keeps the JVM alive, and any daemon thread still
     * running the submission's or the tests' code. Idle daemon threads of the JDK and of libraries (the common
     * ForkJoinPool's, the process reaper, a driver's cleaner) hold no learner code and may stay.
     */
    private List<Thread> runningSince() {
        List<Thread> running = new ArrayList<>();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (threads.contains(thread) || !thread.isAlive() || thread == Thread.currentThread()) {
                return;
            }
            boolean runsSubmissionCode = false;
            for (StackTraceElement frame : stack) {
                runsSubmissionCode |= WorkerMain.SUBMISSION_LOADER.equals(frame.getClassLoaderName());
            }
            if (!thread.isDaemon() || runsSubmissionCode) {
                running.add(thread);
            }
        });
        return running;
    }

    /** Sockets opened during the run and not closed since. */
    private Set<String> openedSince() {
        Set<String> open = new HashSet<>(OpenSockets.inodes());
        open.removeAll(sockets);
        return open;
    }

    /** The same object, or lists of the same objects in the same order. */
    private static boolean sameObjects(Object before, Object after) {
        if (before instanceof List<?> list && after instanceof List<?> other && list.size() == other.size()) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) != other.get(i)) {
                    return false;
                }
            }
            return true;
        }
        return before == after;
    }

    /** The system properties, but for the one the JDK sets itself the first time anything asks for the time zone. */
    private static Map<String, String> properties() {
        Map<String, String> copy = new HashMap<>();
        System.getProperties().forEach((key, value) -> copy.put(String.valueOf(key), Objects.toString(value)));
        copy.remove("user.timezone");
        return copy;
    }
}

package io.prodev.labs.labkit.ssh;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Waits for threads to end: the grader counts the threads a fixture leaves behind. */
final class ThreadWatch {

    private ThreadWatch() {}

    /** The live threads whose name contains {@code part}, after waiting up to {@code millis} for them to end. */
    static List<String> awaitNoneNamed(String part, long millis) throws InterruptedException {
        return awaitNone(thread -> thread.getName().contains(part), millis);
    }

    /** The live threads not in {@code before}, after waiting up to {@code millis} for them to end. */
    static List<String> awaitNoneBesides(Set<Thread> before, long millis) throws InterruptedException {
        return awaitNone(thread -> !before.contains(thread), millis);
    }

    /** The names of the live threads whose name contains {@code part}, now. */
    static List<String> named(String part) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.contains(part))
                .toList();
    }

    static Set<Thread> snapshot() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    private static List<String> awaitNone(Predicate<Thread> matching, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        List<String> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(Thread::isAlive)
                    .filter(matching)
                    .map(Thread::getName)
                    .sorted()
                    .toList();
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return left;
    }
}

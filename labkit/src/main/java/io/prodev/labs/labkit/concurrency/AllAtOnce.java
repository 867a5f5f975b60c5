package io.prodev.labs.labkit.concurrency;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;

/**
 * Runs the same work on several threads released together, the way a concurrency test makes a race likely: every
 * thread is started and waiting before any begins, so they overlap instead of running one after another as
 * threads started in a loop tend to.
 *
 * <pre>{@code
 * AllAtOnce.run(16, thread -> {
 *     for (int i = 0; i < 50; i++) {
 *         counted.apply(i);
 *     }
 * });
 * }</pre>
 *
 * <p>It returns when every thread has ended. What a thread throws is not lost on that thread: the first failure is
 * rethrown to the test, naming the thread, with the others attached as suppressed.
 */
public final class AllAtOnce {

    private AllAtOnce() {}

    /**
     * Runs {@code work} on {@code threads} new threads at once, each given its number (0 to threads - 1), and waits
     * for all of them.
     *
     * @throws AssertionError if any thread threw: the first failure's cause, the rest suppressed
     * @throws IllegalArgumentException naming the value, if {@code threads} is below 1
     */
    public static void run(int threads, IntConsumer work) throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got: " + threads);
        }
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<AssertionError> failures = new ConcurrentLinkedQueue<>();
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int number = t;
            Thread thread = new Thread(
                    () -> {
                        ready.countDown();
                        try {
                            go.await();
                            work.accept(number);
                        } catch (Throwable e) {
                            failures.add(new AssertionError("thread " + number + " of " + threads + " threw " + e, e));
                        }
                    },
                    "all-at-once-" + t);
            thread.start();
            started.add(thread);
        }
        try {
            ready.await();
        } finally {
            go.countDown(); // even when interrupted: no thread is left waiting for ever
            for (Thread thread : started) {
                thread.join();
            }
        }
        AssertionError first = failures.poll();
        if (first != null) {
            failures.forEach(first::addSuppressed);
            throw first;
        }
    }
}

package io.prodev.labs.labkit.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AllAtOnceTest {

    @Test
    void runsTheWorkOnceOnEachThreadWithItsNumber() throws InterruptedException {
        Set<Integer> numbers = ConcurrentHashMap.newKeySet();
        Set<String> names = ConcurrentHashMap.newKeySet();

        AllAtOnce.run(8, number -> {
            numbers.add(number);
            names.add(Thread.currentThread().getName());
        });

        assertThat(numbers).as("the numbers the work was given").containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(names).as("the threads it ran on").hasSize(8);
    }

    @Test
    void theThreadsRunTogether() throws InterruptedException {
        // Each thread waits at a barrier for all the others: it passes only if all 4 run at the same time.
        CyclicBarrier everyone = new CyclicBarrier(4);

        AllAtOnce.run(4, number -> {
            try {
                everyone.await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the 4 threads did not all run at once", e);
            }
        });

        assertThat(everyone.isBroken()).as("the barrier all 4 threads met at").isFalse();
    }

    @Test
    void aFailureOnAThreadIsRethrownNamingIt() {
        assertThatThrownBy(() -> AllAtOnce.run(3, number -> {
                    if (number != 1) {
                        throw new IllegalStateException("boom " + number);
                    }
                }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("of 3 threw java.lang.IllegalStateException: boom")
                .hasCauseInstanceOf(IllegalStateException.class)
                .satisfies(e ->
                        assertThat(e.getSuppressed()).as("the other failure").hasSize(1));
    }

    @Test
    void noThreadOutlivesTheCall() throws InterruptedException {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();

        AllAtOnce.run(4, number -> threads.add(Thread.currentThread()));

        assertThat(threads).as("threads alive after run returned").noneMatch(Thread::isAlive);
    }

    @Test
    void fewerThanOneThreadIsRejected() {
        assertThatThrownBy(() -> AllAtOnce.run(0, number -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got: 0");
    }
}

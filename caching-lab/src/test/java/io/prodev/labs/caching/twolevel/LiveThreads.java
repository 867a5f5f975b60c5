package io.prodev.labs.caching.twolevel;

import java.util.Set;
import java.util.stream.Collectors;

/** Which threads are alive, to tell the ones a piece of code left running. */
final class LiveThreads {

    private LiveThreads() {}

    static Set<Thread> now() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /**
     * The threads alive now that were not in {@code before}, leaving out shared pools that outlive any one cache:
     * the connection pools' idle evictor and the JDK's common pool.
     */
    static Set<Thread> startedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread))
                .filter(Thread::isAlive)
                .filter(thread -> !thread.getName().startsWith("commons-pool")
                        && !thread.getName().startsWith("ForkJoinPool"))
                .collect(Collectors.toSet());
    }
}

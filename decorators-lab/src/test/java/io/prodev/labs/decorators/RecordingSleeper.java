package io.prodev.labs.decorators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A sleeper that never sleeps: it records each delay, then runs an optional action (release a lock, interrupt). */
final class RecordingSleeper implements Sleeper {

    interface Action {
        void run(int sleeps) throws InterruptedException;
    }

    private final List<Duration> delays = new ArrayList<>();
    private final Action action;

    RecordingSleeper() {
        this(sleeps -> {});
    }

    RecordingSleeper(Action action) {
        this.action = action;
    }

    @Override
    public void sleep(Duration delay) throws InterruptedException {
        delays.add(delay);
        action.run(delays.size());
    }

    List<Duration> delays() {
        return List.copyOf(delays);
    }
}

package io.prodev.labs.grader.launch;

import io.prodev.labs.labkit.fixture.RunningFixture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fixture instances of one test JVM: started with it, reset before each submission, stopped with it. */
public final class StartedFixtures implements AutoCloseable {

    private final List<RunningFixture> running;

    StartedFixtures(List<RunningFixture> running) {
        this.running = List.copyOf(running);
    }

    /** What the test JVM's environment gets so that its tests find these instances. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        running.forEach(fixture -> environment.putAll(fixture.environment()));
        return environment;
    }

    /** Wipes every instance: nothing one submission left there reaches the next. */
    public void reset() {
        running.forEach(RunningFixture::reset);
    }

    /** One line per instance, for logs. */
    public List<String> descriptions() {
        return running.stream().map(RunningFixture::description).toList();
    }

    @Override
    public void close() {
        for (RunningFixture fixture : running) {
            try {
                fixture.close();
            } catch (RuntimeException e) {
                System.err.println("grader: could not stop " + fixture.description() + ": " + e.getMessage());
            }
        }
    }
}

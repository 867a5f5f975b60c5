package io.prodev.labs.grader.testjvm;

import io.prodev.labs.labkit.fixture.Fixture;
import io.prodev.labs.labkit.fixture.FixtureEnvironment;
import io.prodev.labs.labkit.fixture.Fixtures;
import io.prodev.labs.labkit.fixture.RunningFixture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lab's fixtures, started inside a warm test JVM (and so inside its OS sandbox, on its own loopback):
 * found on the JVM's class path by the names lab.json gives, started once, made visible to their JUnit
 * extensions through {@link FixtureEnvironment}, reset before each submission.
 */
final class InJvmFixtures {

    private final List<RunningFixture> running;

    private InJvmFixtures(List<RunningFixture> running) {
        this.running = running;
    }

    /**
     * @param names the fixtures' names, comma-separated; empty for none
     * @throws RuntimeException when one is not found or cannot start; those started are stopped
     */
    static InJvmFixtures start(String names) {
        List<String> wanted = Arrays.stream(names.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .toList();
        List<RunningFixture> running = new ArrayList<>();
        try {
            for (Fixture fixture : Fixtures.find(wanted, InJvmFixtures.class.getClassLoader())) {
                running.add(fixture.start());
            }
        } catch (RuntimeException e) {
            running.forEach(RunningFixture::close);
            throw e;
        }
        running.forEach(fixture -> FixtureEnvironment.provide(fixture.environment()));
        return new InJvmFixtures(List.copyOf(running));
    }

    /** What was started, one line each, joined for the READY message; empty for none. */
    String descriptions() {
        return String.join(
                "; ", running.stream().map(RunningFixture::description).toList());
    }

    /** Wipes every instance before the next submission. */
    void reset() {
        running.forEach(RunningFixture::reset);
    }
}

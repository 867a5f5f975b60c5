package io.prodev.labs.sample.counter;

import io.prodev.labs.labkit.fixture.Fixture;
import io.prodev.labs.labkit.fixture.FixtureException;
import io.prodev.labs.labkit.fixture.RunningFixture;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The counter as a grader plug-in ({@code "fixtures": ["counter"]} in lab.json): a private {@link CounterServer}
 * for one test JVM, handed to {@link CounterExtension} through {@value #PORT_VARIABLE}, its count set back to
 * zero before each submission. The extension starts the same server when no grader started one.
 */
public final class CounterFixture implements Fixture {

    /** The variable that points the tests at a running counter server on 127.0.0.1. */
    public static final String PORT_VARIABLE = "COUNTER_PORT";

    @Override
    public String name() {
        return "counter";
    }

    @Override
    public RunningFixture start() {
        try {
            return new Running(CounterServer.start());
        } catch (UncheckedIOException e) {
            throw new FixtureException("cannot start a counter server: " + e.getMessage(), e);
        }
    }

    private static final class Running implements RunningFixture {

        private final CounterServer server;

        Running(CounterServer server) {
            this.server = server;
        }

        @Override
        public Map<String, String> environment() {
            return Map.of(PORT_VARIABLE, Integer.toString(server.endpoint().port()));
        }

        @Override
        public void reset() {
            server.reset();
        }

        @Override
        public String description() {
            return server.description();
        }

        @Override
        public void close() {
            server.close();
        }
    }
}

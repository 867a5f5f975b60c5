package io.prodev.labs.labkit.ssh;

import io.prodev.labs.labkit.fixture.Fixture;
import io.prodev.labs.labkit.fixture.FixtureException;
import io.prodev.labs.labkit.fixture.RunningFixture;
import java.util.Map;

/**
 * The SSH fixture as a plug-in ({@code "fixtures": ["ssh"]} in lab.json): a private server for one test JVM that
 * runs many submissions' tests, handed to {@link SshExtension} through the {@link SshFixtureVariables} and restored
 * before each submission (root emptied, the client key alone authorized, password login off, the log of
 * commands emptied, checksums right).
 *
 * <p>The extension could start a server of its own in every test JVM just as cheaply (it runs in that JVM either
 * way); the plug-in is what gives one to the processes that have no extension: {@code grader check} runs a lab's
 * README examples and demo with these variables, and a warm JVM keeps one server across submissions.
 */
public final class SshFixture implements Fixture {

    @Override
    public String name() {
        return "ssh";
    }

    @Override
    public RunningFixture start() {
        try {
            return new Running(SshServers.start());
        } catch (RuntimeException e) {
            throw new FixtureException("cannot start an SSH server: " + e.getMessage(), e);
        }
    }

    private static final class Running implements RunningFixture {

        private final RunningSsh server;

        Running(RunningSsh server) {
            this.server = server;
        }

        @Override
        public Map<String, String> environment() {
            return SshFixtureVariables.toEnvironment(server.endpoint());
        }

        @Override
        public void reset() {
            try {
                server.reset();
            } catch (RuntimeException e) {
                throw new FixtureException("could not reset " + server.description() + ": " + e.getMessage(), e);
            }
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

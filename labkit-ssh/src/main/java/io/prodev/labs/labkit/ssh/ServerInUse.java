package io.prodev.labs.labkit.ssh;

import java.util.Map;
import java.util.Optional;

/**
 * The server a test run uses: the one the grader's variables name, or one started for the run. Closing it (JUnit
 * does, at the end of the run) stops only a server it started.
 */
record ServerInUse(SshEndpoint endpoint, RunningSsh started, String description) implements AutoCloseable {

    /** The server the SSH_FIXTURE_* variables in {@code environment} name, else a new one. */
    static ServerInUse choose(Map<String, String> environment) {
        Optional<SshEndpoint> named = SshFixtureVariables.fromEnvironment(environment);
        if (named.isPresent()) {
            SshEndpoint endpoint = named.get();
            return new ServerInUse(
                    endpoint,
                    null,
                    "the server the SSH_FIXTURE_* variables name, at " + endpoint.host() + ":" + endpoint.port());
        }
        RunningSsh started = SshServers.start();
        return new ServerInUse(
                started.endpoint(), started, started.description() + " (" + SshFixtureVariables.HOST + " is not set)");
    }

    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
    }
}

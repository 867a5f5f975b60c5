package io.prodev.labs.labkit.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

import io.prodev.labs.labkit.fixture.FixtureEnvironment;
import io.prodev.labs.labkit.fixture.RunningFixture;
import io.prodev.labs.labkit.ssh.JschClient.Result;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs small annotated classes through the Jupiter engine and checks what the extension did. */
class SshExtensionTest {

    static final List<SshEndpoint> SEEN = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forgetEndpoints() {
        SEEN.clear();
    }

    @Test
    void handsEachTestAnEndpointAndAnEmptyRoot() {
        run(LeavesFilesBehind.class).assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(SEEN).as("endpoints given to @BeforeEach and to both tests").hasSize(4);
        assertThat(Set.copyOf(SEEN)).as("one server for the class").hasSize(1);
    }

    @Test
    void stopsTheServerAndEveryThreadItStartedWhenTheRunEnds() throws Exception {
        Set<Thread> before = ThreadWatch.snapshot();

        run(RunsACommand.class).assertStatistics(stats -> stats.succeeded(1));

        SshEndpoint endpoint = SEEN.get(0);
        assertThatThrownBy(() -> new Socket(endpoint.host(), endpoint.port()).close())
                .as("connecting to %s after the run", endpoint)
                .isInstanceOf(IOException.class);
        assertThat(ThreadWatch.awaitNoneBesides(before, 3_000))
                .as("threads started during the run and alive 3 s after it")
                .isEmpty();
        assertThat(endpoint.root().getParent())
                .as("the server's folder after the run")
                .doesNotExist();
    }

    @Test
    void usesTheServerTheFixtureVariablesNameAndLeavesItRunning() throws Exception {
        try (RunningFixture fixture = new SshFixture().start()) {
            FixtureEnvironment.provide(fixture.environment());
            try {
                run(RunsACommand.class).assertStatistics(stats -> stats.succeeded(1));
            } finally {
                forgetFixtureVariables();
            }

            SshEndpoint fromFixture =
                    SshFixtureVariables.fromEnvironment(fixture.environment()).orElseThrow();
            assertThat(SEEN.get(0).port()).as("port the tests were given").isEqualTo(fromFixture.port());
            assertThat(JschClient.exec(fromFixture, "echo still here"))
                    .as("the fixture's server after the run")
                    .isEqualTo(new Result("still here\n", "", 0));
        }
    }

    @Test
    void aClassWithoutSshTestGetsNoEndpoint() {
        run(NotAnnotated.class)
                .assertThatEvents()
                .haveExactly(1, event(finishedWithFailure(instanceOf(ParameterResolutionException.class))));
    }

    /** FixtureEnvironment keeps what it was given; blank values count as unset for the extension. */
    private static void forgetFixtureVariables() {
        Map<String, String> blank = new HashMap<>();
        List.of(
                        SshFixtureVariables.HOST,
                        SshFixtureVariables.PORT,
                        SshFixtureVariables.USER,
                        SshFixtureVariables.HOST_KEY,
                        SshFixtureVariables.KEY,
                        SshFixtureVariables.ROOT,
                        SshFixtureVariables.SETTINGS)
                .forEach(name -> blank.put(name, ""));
        FixtureEnvironment.provide(blank);
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .execute()
                .testEvents();
    }

    @SshTest
    static class LeavesFilesBehind {
        @BeforeEach
        void record(SshEndpoint server) {
            SEEN.add(server);
        }

        @Test
        void first(SshEndpoint server) throws Exception {
            SEEN.add(server);
            try (var files = Files.list(server.root())) {
                assertThat(files).isEmpty();
            }
            Files.writeString(server.root().resolve("left-over.txt"), "1");
        }

        @Test
        void second(SshEndpoint server) throws Exception {
            SEEN.add(server);
            try (var files = Files.list(server.root())) {
                assertThat(files).isEmpty();
            }
            Files.writeString(server.root().resolve("left-over.txt"), "2");
        }
    }

    @SshTest
    static class RunsACommand {
        @Test
        void echoes(SshEndpoint server) throws Exception {
            SEEN.add(server);
            assertThat(JschClient.exec(server, "sha256sum"))
                    .extracting(Result::status)
                    .isEqualTo(0);
        }
    }

    static class NotAnnotated {
        @Test
        void wantsAnEndpoint(SshEndpoint server) {
            assertThat(server).isNotNull();
        }
    }
}

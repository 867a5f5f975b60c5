package io.prodev.labs.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.concurrency.AllAtOnce;
import io.prodev.labs.labkit.ssh.SshEndpoint;
import io.prodev.labs.labkit.ssh.SshTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("2")
@Hidden
@SshTest
class RemoteCommandHiddenTest {

    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration COMMAND = Duration.ofSeconds(5);

    @TempDir
    Path folder;

    private SshEndpoint endpoint;
    private SshTarget target;

    @BeforeEach
    void setUp(SshEndpoint endpoint) {
        this.endpoint = endpoint;
        this.target = TestTargets.of(endpoint, folder);
    }

    @Hint("the output is complete only once the channel has closed: read all of it, however long")
    @Test
    void aLongOutputComesWhole() throws Exception {
        Random random = new Random(2);
        String text = IntStream.range(0, 40_000)
                .mapToObj(i -> "line " + i + " " + Long.toHexString(random.nextLong()))
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(endpoint.root().resolve("big.txt"), text);

        CommandResult result = RemoteCommand.run(target, "cat big.txt", CONNECT, COMMAND);

        assertThat(result.stdout().length())
                .as("characters of stdout of cat of a 1 MB file")
                .isEqualTo(text.length());
        assertThat(result.stdout()).as("stdout of cat of a 1 MB file").isEqualTo(text);
        assertThat(result.exitStatus()).as("its exit status").isZero();
    }

    @Hint("the command's standard input is empty: a command that reads it must not wait for ever")
    @Test
    void theCommandReadsAnEmptyStandardInput() {
        assertTimeoutPreemptively(
                Duration.ofSeconds(8),
                () -> assertThat(RemoteCommand.run(target, "cat", CONNECT, COMMAND))
                        .as("run(\"cat\"), which reads standard input")
                        .isEqualTo(new CommandResult("", "", 0)));
    }

    @Hint("calls from several threads at once each get their own session and their own output")
    @Test
    void callsFromSeveralThreadsAtOnceKeepTheirOutputApart() throws InterruptedException {
        ConcurrentHashMap<Integer, CommandResult> results = new ConcurrentHashMap<>();

        AllAtOnce.run(4, thread -> results.put(thread, RemoteCommand.run(target, "echo " + thread, CONNECT, COMMAND)));

        for (int thread = 0; thread < 4; thread++) {
            assertThat(results.get(thread))
                    .as("run(\"echo %d\") on thread %d of 4 running at once", thread, thread)
                    .isEqualTo(new CommandResult(thread + "\n", "", 0));
        }
    }

    @Hint("every session is closed when the call ends, the ones that failed too")
    @Test
    void everySessionEndsWithItsCall() throws Exception {
        Path stranger = folder.resolve("stranger");
        RemoteCommandTest.writeKey(stranger, null);
        for (int i = 0; i < 3; i++) {
            RemoteCommand.run(target, "echo " + i, CONNECT, COMMAND);
            assertThatThrownBy(() -> RemoteCommand.run(target, "sleep 30", CONNECT, Duration.ofMillis(50)))
                    .isInstanceOf(SshFailure.class);
            assertThatThrownBy(() ->
                            RemoteCommand.run(TestTargets.withKey(target, stranger, null), "echo hi", CONNECT, COMMAND))
                    .isInstanceOf(SshFailure.class);
        }

        await("JSch's session threads to end after 9 calls (3 run, 3 timed out, 3 refused)")
                .atMost(Duration.ofSeconds(5))
                .until(() -> sessionThreads().isEmpty());
    }

    private static List<String> sessionThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("Connect thread"))
                .toList();
    }
}

package io.prodev.labs.ssh;

import static io.prodev.labs.ssh.FileTransferTest.TIMEOUT;
import static io.prodev.labs.ssh.FileTransferTest.filesIn;
import static io.prodev.labs.ssh.FileTransferTest.randomBytes;
import static io.prodev.labs.ssh.FileTransferTest.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.ssh.SshEndpoint;
import io.prodev.labs.labkit.ssh.SshTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("4")
@Hidden
@SshTest
class FileTransferHiddenTest {

    /** How long a stalled transfer may take; past its timeout the call must end. */
    private static final Duration STALL_TIMEOUT = Duration.ofMillis(1_500);

    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    private SshEndpoint endpoint;
    private SshTarget target;
    private Path local;

    @BeforeEach
    void setUp(SshEndpoint endpoint) throws IOException {
        this.endpoint = endpoint;
        this.target = TestTargets.of(endpoint, folder);
        this.local = Files.createDirectory(folder.resolve("local"));
    }

    @Hint("binary-safe: every byte of a file of a few MB arrives as it was, both ways")
    @Test
    void aFewMegabytesOfRandomBytesTravelBothWaysUnchanged() throws IOException {
        byte[] content = randomBytes(3 * 1024 * 1024 + 17, 4);
        Path file = Files.write(local.resolve("big.bin"), content);

        TransferResult up = FileTransfer.upload(target, file, "deep/big.bin", TIMEOUT);
        Path back = local.resolve("big-back.bin");
        TransferResult down = FileTransfer.download(target, "deep/big.bin", back, TIMEOUT);

        assertThat(Files.readAllBytes(endpoint.root().resolve("deep/big.bin")))
                .as("the server's copy of 3 MB of random bytes")
                .isEqualTo(content);
        assertThat(Files.readAllBytes(back)).as("the downloaded copy").isEqualTo(content);
        assertThat(List.of(up.bytes(), down.bytes()))
                .as("bytes of the upload and the download")
                .containsExactly((long) content.length, (long) content.length);
        assertThat(List.of(up.sha256(), down.sha256()))
                .as("hashes of the upload and the download")
                .containsExactly(sha256(content), sha256(content));
    }

    @Hint("upload creates missing folders, refuses a folder or a path under a file, replaces a file; download copies"
            + " what is there; a failure changes nothing and leaves no temporary file")
    @Test
    void randomTransfersAgreeWithAModelOfTheServer() throws IOException {
        Random random = new Random(44);
        Map<String, byte[]> files = new TreeMap<>();
        Set<String> folders = new TreeSet<>();
        Set<String> localFiles = new TreeSet<>();
        for (int step = 0; step < 30; step++) {
            String path = randomPath(random);
            if (random.nextInt(10) < 6) {
                byte[] content = randomBytes(random.nextInt(3_000), random.nextLong());
                Path file = Files.write(folder.resolve("upload.bin"), content);
                boolean allowed =
                        !folders.contains(path) && prefixes(path).stream().noneMatch(files::containsKey);
                String call = "step " + step + ": upload to \"" + path + "\" with files " + files.keySet()
                        + " and folders " + folders;
                if (allowed) {
                    assertThat(FileTransfer.upload(target, file, path, TIMEOUT).sha256())
                            .as(call)
                            .isEqualTo(sha256(content));
                    folders.addAll(prefixes(path));
                    files.put(path, content);
                } else {
                    assertThatThrownBy(() -> FileTransfer.upload(target, file, path, TIMEOUT))
                            .as(call)
                            .isInstanceOf(SshFailure.class);
                }
            } else {
                Path file = local.resolve("download-" + step);
                String call = "step " + step + ": download of \"" + path + "\" with files " + files.keySet();
                if (files.containsKey(path)) {
                    FileTransfer.download(target, path, file, TIMEOUT);
                    assertThat(Files.readAllBytes(file)).as(call).isEqualTo(files.get(path));
                    localFiles.add(file.getFileName().toString());
                } else {
                    assertThatThrownBy(() -> FileTransfer.download(target, path, file, TIMEOUT))
                            .as(call)
                            .isInstanceOf(SshFailure.class);
                }
            }
            assertThat(serverTree())
                    .as("step %d: what the server holds (folders end in /), no temporary file among it", step)
                    .isEqualTo(modelTree(files, folders));
            assertThat(filesIn(local))
                    .as("step %d: the local folder, no temporary file in it", step)
                    .containsExactlyElementsOf(localFiles);
        }
    }

    @Hint("the timeout bounds the whole call: a transfer that stops moving fails with \"timed out\", and the"
            + " destination is never a partial file")
    @Test
    void aStalledUploadTimesOutWithoutWritingTheDestination() throws Exception {
        byte[] content = randomBytes(2 * 1024 * 1024, 5);
        Path file = Files.write(local.resolve("image.iso"), content);
        try (StallingRelay relay = new StallingRelay(endpoint.host(), endpoint.port(), 256 * 1024, Long.MAX_VALUE)) {
            SshTarget stalling = throughRelay(relay.port());

            Throwable thrown = inBackground(
                    () -> FileTransfer.upload(stalling, file, "isos/image.iso", STALL_TIMEOUT), relay, () -> {
                        assertThat(endpoint.root().resolve("isos/image.iso"))
                                .as("the destination while the upload hangs (a temporary file takes the bytes)")
                                .doesNotExist();
                        await("a temporary file next to the destination while the upload hangs")
                                .atMost(Duration.ofSeconds(2))
                                .until(() -> Files.isDirectory(endpoint.root().resolve("isos"))
                                        && !filesIn(endpoint.root().resolve("isos"))
                                                .isEmpty());
                    });

            assertThat(thrown)
                    .as("upload through a connection that goes silent, with a timeout of 1.5 s")
                    .isInstanceOf(SshFailure.class)
                    .hasMessageContaining("timed out");
            assertThat(endpoint.root().resolve("isos/image.iso"))
                    .as("the destination after the timed-out upload")
                    .doesNotExist();
        }
    }

    @Hint("the timeout bounds the whole call: a transfer that stops moving fails with \"timed out\"; a download"
            + " writes a temporary file in the local folder and removes it on failure")
    @Test
    void aStalledDownloadTimesOutAndRemovesItsTemporaryFile() throws Exception {
        Files.write(endpoint.root().resolve("image.iso"), randomBytes(2 * 1024 * 1024, 6));
        Path file = Files.writeString(local.resolve("image.iso"), "the old image");
        try (StallingRelay relay = new StallingRelay(endpoint.host(), endpoint.port(), Long.MAX_VALUE, 256 * 1024)) {
            SshTarget stalling = throughRelay(relay.port());

            Throwable thrown =
                    inBackground(() -> FileTransfer.download(stalling, "image.iso", file, STALL_TIMEOUT), relay, () -> {
                        await("a temporary file in the local folder while the download hangs")
                                .atMost(Duration.ofSeconds(2))
                                .until(() -> filesIn(local).size() == 2);
                        assertThat(file)
                                .as("the destination while the download hangs")
                                .hasContent("the old image");
                    });

            assertThat(thrown)
                    .as("download through a connection that goes silent, with a timeout of 1.5 s")
                    .isInstanceOf(SshFailure.class)
                    .hasMessageContaining("timed out");
            assertThat(file).as("the destination after the timed-out download").hasContent("the old image");
            assertThat(filesIn(local))
                    .as("the local folder after the timed-out download")
                    .containsExactly("image.iso");
        }
    }

    @Hint("every session, and every thread the call started, ends with the call, the ones that failed too")
    @Test
    void everySessionAndThreadEndsWithItsCall() throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        Path file = Files.writeString(local.resolve("a.txt"), "a");
        for (int i = 0; i < 2; i++) {
            FileTransfer.upload(target, file, "a.txt", TIMEOUT);
            FileTransfer.download(target, "a.txt", local.resolve("b.txt"), TIMEOUT);
            assertThatThrownBy(() -> FileTransfer.download(target, "missing.txt", local.resolve("m.txt"), TIMEOUT))
                    .isInstanceOf(SshFailure.class);
            endpoint.corruptChecksums(true);
            assertThatThrownBy(() -> FileTransfer.upload(target, file, "a.txt", TIMEOUT))
                    .isInstanceOf(SshFailure.class);
            endpoint.corruptChecksums(false);
        }
        try (StallingRelay relay = new StallingRelay(endpoint.host(), endpoint.port(), 64 * 1024, Long.MAX_VALUE)) {
            Path big = Files.write(local.resolve("big.bin"), randomBytes(1024 * 1024, 7));
            SshTarget stalling = throughRelay(relay.port());
            assertTimeoutPreemptively(
                    BOUND,
                    () -> assertThatThrownBy(() -> FileTransfer.upload(stalling, big, "big.bin", STALL_TIMEOUT))
                            .isInstanceOf(SshFailure.class));
        }

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(clientThreadsBesides(before))
                        .as("threads the calls started and still alive (8 transfers, 4 of them failed, 1 timed out)")
                        .isEmpty());
    }

    /** Runs {@code call} on another thread; once the relay has stalled, runs {@code whileStalled}; returns what the
     * call threw (null if nothing), bounded so a hang fails. */
    private static Throwable inBackground(ThrowingCall call, StallingRelay relay, ThrowingCheck whileStalled)
            throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Object> future = executor.submit(() -> {
                call.run();
                return null;
            });
            // Waits for the stall, unless the call ends first (a transfer that failed at once): then says how.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!relay.awaitStalled(50)) {
                if (future.isDone()) {
                    throw new AssertionError(
                            "the transfer ended before the connection went silent: " + outcome(future), cause(future));
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError(
                            "the transfer did not reach the point where the connection goes silent" + " within 5 s");
                }
            }
            whileStalled.check();
            try {
                future.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
                return null;
            } catch (ExecutionException e) {
                return e.getCause();
            }
        } finally {
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static String outcome(Future<Object> ended) {
        Throwable cause = cause(ended);
        return cause == null ? "it returned" : "it threw " + cause;
    }

    private static Throwable cause(Future<Object> ended) {
        try {
            ended.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    interface ThrowingCheck {
        void check() throws Exception;
    }

    private SshTarget throughRelay(int port) throws IOException {
        String hostKey =
                endpoint.knownHostsLine().substring(endpoint.knownHostsLine().indexOf(' ') + 1);
        Path knownHosts = Files.writeString(
                folder.resolve("known_hosts_relay"), "[" + endpoint.host() + "]:" + port + " " + hostKey + "\n");
        return new SshTarget(endpoint.host(), port, endpoint.user(), endpoint.clientKey(), null, knownHosts);
    }

    /** Threads started since {@code before} and still alive, leaving out the fixture server's and Awaitility's. */
    private static List<String> clientThreadsBesides(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !before.contains(thread))
                .map(Thread::getName)
                .filter(name ->
                        !name.startsWith("sshd-") && !name.startsWith("labkit-ssh") && !name.startsWith("awaitility"))
                .toList();
    }

    private static String randomPath(Random random) {
        String[] names = {"a", "b", "c"};
        int depth = 1 + random.nextInt(3);
        List<String> segments = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            segments.add(names[random.nextInt(names.length)]);
        }
        return String.join("/", segments);
    }

    /** The folders above {@code path}: "a/b/c" has "a" and "a/b". */
    private static List<String> prefixes(String path) {
        List<String> prefixes = new ArrayList<>();
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            prefixes.add(path.substring(0, slash));
        }
        return prefixes;
    }

    private static Map<String, String> modelTree(Map<String, byte[]> files, Set<String> folders) {
        Map<String, String> tree = new TreeMap<>();
        folders.forEach(path -> tree.put(path + "/", ""));
        files.forEach((path, content) -> tree.put(path, sha256(content)));
        return tree;
    }

    private Map<String, String> serverTree() throws IOException {
        Map<String, String> tree = new TreeMap<>();
        Path root = endpoint.root();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(path -> !path.equals(root)).toList()) {
                String name = root.relativize(path).toString().replace('\\', '/');
                if (Files.isDirectory(path)) {
                    tree.put(name + "/", "");
                } else {
                    tree.put(name, sha256(Files.readAllBytes(path)));
                }
            }
        }
        return tree;
    }
}

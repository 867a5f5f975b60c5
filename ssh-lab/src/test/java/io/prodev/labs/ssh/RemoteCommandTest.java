package io.prodev.labs.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.ssh.SshEndpoint;
import io.prodev.labs.labkit.ssh.SshTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("2")
@SshTest
class RemoteCommandTest {

    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration COMMAND = Duration.ofSeconds(5);
    /** How long a test that checks a timeout may take at most, so a missing timeout fails instead of hanging. */
    private static final Duration BOUND = Duration.ofSeconds(8);

    @TempDir
    Path folder;

    private SshEndpoint endpoint;
    private SshTarget target;

    @BeforeEach
    void setUp(SshEndpoint endpoint) {
        this.endpoint = endpoint;
        this.target = TestTargets.of(endpoint, folder);
    }

    @Test
    void returnsWhatTheCommandPrintedAndItsExitStatus() {
        CommandResult result = RemoteCommand.run(target, "echo hello from the server", CONNECT, COMMAND);

        assertThat(result)
                .as("run(\"echo hello from the server\")")
                .isEqualTo(new CommandResult("hello from the server\n", "", 0));
    }

    @Test
    void standardErrorAndTheExitStatusComeApart() throws IOException {
        CommandResult result = RemoteCommand.run(target, "cat no-such-file.txt", CONNECT, COMMAND);

        assertThat(result.stdout()).as("stdout of cat of a missing file").isEmpty();
        assertThat(result.stderr())
                .as("stderr of cat of a missing file")
                .isEqualTo("cat: no-such-file.txt: No such file or directory\n");
        assertThat(result.exitStatus())
                .as("exit status of cat of a missing file")
                .isEqualTo(1);
        assertThat(RemoteCommand.run(target, "exit 3", CONNECT, COMMAND).exitStatus())
                .as("exit status of `exit 3`")
                .isEqualTo(3);
    }

    @Test
    void outputIsDecodedAsUtf8() throws IOException {
        Files.writeString(endpoint.root().resolve("menu.txt"), "café ☕ ሰላም\n", StandardCharsets.UTF_8);

        assertThat(RemoteCommand.run(target, "cat menu.txt", CONNECT, COMMAND).stdout())
                .as("stdout of cat of a UTF-8 file")
                .isEqualTo("café ☕ ሰላም\n");
    }

    @Test
    void aCommandThatRunsTooLongFailsNamingIt() {
        assertTimeoutPreemptively(
                BOUND,
                () -> assertThatThrownBy(() -> RemoteCommand.run(target, "sleep 30", CONNECT, Duration.ofMillis(300)))
                        .as("run(\"sleep 30\") with a command timeout of 300 ms")
                        .isInstanceOf(SshFailure.class)
                        .hasMessageContaining("sleep 30")
                        .hasMessageContaining("PT0.3S"));
    }

    @Test
    void aHostKeyNotInTheKnownHostsIsRefused() throws IOException {
        Path empty = Files.writeString(folder.resolve("empty_known_hosts"), "");

        assertThatThrownBy(
                        () -> RemoteCommand.run(TestTargets.withKnownHosts(target, empty), "echo hi", CONNECT, COMMAND))
                .as("run with a known_hosts file that does not hold the server's key")
                .isInstanceOf(SshFailure.class)
                .hasMessageContaining(endpoint.host() + ":" + endpoint.port())
                .hasMessageContaining("known hosts");
    }

    @Test
    void aRefusedConnectionIsNamed() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(
                        () -> RemoteCommand.run(TestTargets.withPort(target, closedPort), "echo hi", CONNECT, COMMAND))
                .as("run against a port nothing listens on")
                .isInstanceOf(SshFailure.class)
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .hasMessageContaining("refused");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws IOException {
        // A socket that takes connections (its backlog does) but never says a word of SSH.
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            SshTarget mute = TestTargets.withPort(target, silent.getLocalPort());

            assertTimeoutPreemptively(
                    BOUND,
                    () -> assertThatThrownBy(() -> RemoteCommand.run(mute, "echo hi", Duration.ofMillis(300), COMMAND))
                            .as("run against a server that never answers, with a connect timeout of 300 ms")
                            .isInstanceOf(SshFailure.class)
                            .hasMessageContaining("127.0.0.1:" + silent.getLocalPort())
                            .hasMessageContaining("timed out"));
        }
    }

    @Test
    void aKeyTheServerDoesNotKnowIsRefused() throws Exception {
        Path stranger = folder.resolve("stranger");
        writeKey(stranger, null);

        assertThatThrownBy(() ->
                        RemoteCommand.run(TestTargets.withKey(target, stranger, null), "echo hi", CONNECT, COMMAND))
                .as("run with a key that is not in the server's authorized keys")
                .isInstanceOf(SshFailure.class)
                .hasMessageContaining(endpoint.user() + "@" + endpoint.host() + ":" + endpoint.port())
                .hasMessageContaining("refused");
    }

    @Test
    void aKeyWithAPassphraseLogsIn() throws Exception {
        Path locked = folder.resolve("locked");
        writeKey(locked, "correct horse");
        authorize(locked);

        assertThat(RemoteCommand.run(TestTargets.withKey(target, locked, "correct horse"), "echo in", CONNECT, COMMAND))
                .as("run with a key and its passphrase")
                .isEqualTo(new CommandResult("in\n", "", 0));
    }

    @Test
    void aWrongPassphraseIsNamedAsOne() throws Exception {
        Path locked = folder.resolve("locked");
        writeKey(locked, "correct horse");
        authorize(locked);

        assertThatThrownBy(() -> RemoteCommand.run(
                        TestTargets.withKey(target, locked, "wrong horse"), "echo hi", CONNECT, COMMAND))
                .as("run with a wrong passphrase")
                .isInstanceOf(SshFailure.class)
                .hasMessageContaining("passphrase")
                .hasMessageContaining(locked.toString());
    }

    @Test
    void aMissingKeyIsNamed() {
        Path missing = folder.resolve("no_such_key");

        assertThatThrownBy(() ->
                        RemoteCommand.run(TestTargets.withKey(target, missing, null), "echo hi", CONNECT, COMMAND))
                .as("run with a key file that does not exist")
                .isInstanceOf(SshFailure.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void aBlankCommandOrATimeoutOfZeroIsRejected() {
        assertThatThrownBy(() -> RemoteCommand.run(target, " ", CONNECT, COMMAND))
                .as("run(\" \")")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\" \"");
        assertThatThrownBy(() -> RemoteCommand.run(target, "echo hi", Duration.ZERO, COMMAND))
                .as("run with a connect timeout of zero")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT0S");
        assertThatThrownBy(() -> RemoteCommand.run(target, "echo hi", CONNECT, Duration.ofSeconds(-1)))
                .as("run with a command timeout of -1 s")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-1S");
    }

    @Test
    void aTimeoutOfOneMillisecondIsAllowed() {
        Throwable thrown = catchThrowable(() -> RemoteCommand.run(target, "sleep 10", CONNECT, Duration.ofMillis(1)));

        assertThat(thrown)
                .as("run(\"sleep 10\") with a command timeout of 1 ms, the shortest allowed: a timeout, not bad input")
                .isInstanceOf(SshFailure.class)
                .hasMessageContaining("sleep 10");
    }

    /** A new ed25519 key written with JSch (not with task 0's code, so this task stands on its own). */
    static void writeKey(Path file, String passphrase) throws Exception {
        KeyPair pair = KeyPair.genKeyPair(new JSch(), KeyPair.ED25519);
        try (OutputStream out = Files.newOutputStream(file)) {
            pair.writeOpenSSHv1PrivateKey(out, passphrase == null ? null : passphrase.getBytes(StandardCharsets.UTF_8));
        }
        try (OutputStream out = Files.newOutputStream(Path.of(file + ".pub"))) {
            pair.writePublicKey(out, "test key");
        }
        pair.dispose();
    }

    private void authorize(Path privateKey) throws IOException {
        Files.writeString(
                endpoint.authorizedKeys(),
                Files.readString(Path.of(privateKey + ".pub")) + "\n",
                StandardOpenOption.APPEND);
    }
}

package io.prodev.labs.labkit.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.JSchException;
import io.prodev.labs.labkit.fixture.Fixture;
import io.prodev.labs.labkit.fixture.Fixtures;
import io.prodev.labs.labkit.fixture.RunningFixture;
import io.prodev.labs.labkit.ssh.JschClient.Result;
import io.prodev.labs.labkit.ssh.internal.ServerState;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plug-in the grader drives: found by name, a private server, restored by reset, stopped by close. */
class SshFixtureTest {

    @Test
    void isFoundByTheNameLabJsonUses() {
        List<Fixture> found = Fixtures.find(List.of("ssh"), getClass().getClassLoader());

        assertThat(found).singleElement().isInstanceOf(SshFixture.class);
    }

    @Test
    void itsEnvironmentNamesAServerTheExtensionCanLogInTo() throws Exception {
        try (RunningFixture ssh = new SshFixture().start()) {
            SshEndpoint endpoint =
                    SshFixtureVariables.fromEnvironment(ssh.environment()).orElseThrow();

            assertThat(ssh.description()).contains(endpoint.host() + ":" + endpoint.port());
            assertThat(JschClient.exec(endpoint, "echo hi")).isEqualTo(new Result("hi\n", "", 0));
        }
    }

    @Test
    void resetEmptiesTheRootAndRestoresTheKeysAndPasswordLogin() throws Exception {
        try (RunningFixture ssh = new SshFixture().start()) {
            SshEndpoint endpoint =
                    SshFixtureVariables.fromEnvironment(ssh.environment()).orElseThrow();
            String authorizedAtStart = Files.readString(endpoint.authorizedKeys());
            Files.createDirectories(endpoint.root().resolve("a/b"));
            Files.writeString(endpoint.root().resolve("a/b/left.txt"), "by submission 1");
            ServerState.restore(endpoint.withPassword("by submission 1"));
            JschClient.exec(endpoint, "echo by submission 1");
            endpoint.corruptChecksums(true);
            Files.writeString(endpoint.authorizedKeys(), "ssh-ed25519 AAAA-junk\n", StandardOpenOption.APPEND);

            ssh.reset();

            assertThat(endpoint.commandsRun()).as("commandsRun() after reset()").isEmpty();
            Files.write(endpoint.root().resolve("empty.bin"), new byte[0]);
            assertThat(JschClient.exec(endpoint, "sha256sum empty.bin").out())
                    .as("sha256sum after reset(), which turns corruptChecksums off")
                    .startsWith("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
            Files.delete(endpoint.root().resolve("empty.bin"));

            try (var files = Files.list(endpoint.root())) {
                assertThat(files).as("files in the root after reset()").isEmpty();
            }
            assertThat(endpoint.authorizedKeys())
                    .as("authorized_keys after reset()")
                    .hasContent(authorizedAtStart);
            assertThatThrownBy(() -> JschClient.withPassword(endpoint, endpoint.user(), "by submission 1"))
                    .as("password login after reset()")
                    .isInstanceOf(JSchException.class);
        }
    }

    @Test
    void resetMakesItsFilesAgainWhenTheTemporaryFolderWasEmptied() throws Exception {
        try (RunningFixture ssh = new SshFixture().start()) {
            SshEndpoint endpoint =
                    SshFixtureVariables.fromEnvironment(ssh.environment()).orElseThrow();
            // What the grader does to a warm test JVM's temporary folder before each submission.
            ServerState.deleteContents(endpoint.root().getParent());

            ssh.reset();

            assertThat(endpoint.root()).as("the root folder after reset()").isEmptyDirectory();
            assertThat(endpoint.clientKey()).as("the client key after reset()").exists();
            assertThat(JschClient.exec(endpoint, "echo hi"))
                    .as("a command after reset(), logged in with the client key")
                    .isEqualTo(new Result("hi\n", "", 0));
        }
    }

    @Test
    void closeStopsTheServerAndItsThreadsAndDeletesItsFiles() throws Exception {
        Set<Thread> before = ThreadWatch.snapshot();
        RunningFixture ssh = new SshFixture().start();
        SshEndpoint endpoint =
                SshFixtureVariables.fromEnvironment(ssh.environment()).orElseThrow();
        JschClient.exec(endpoint, "echo warm");

        ssh.close();

        assertThatThrownBy(() -> new Socket(endpoint.host(), endpoint.port()).close())
                .as("connecting to %s after close()", endpoint)
                .isInstanceOf(IOException.class);
        assertThat(ThreadWatch.awaitNoneBesides(before, 3_000))
                .as("threads started since start() and alive 3 s after close()")
                .isEmpty();
        assertThat(endpoint.clientKey()).as("the client key after close()").doesNotExist();
    }
}

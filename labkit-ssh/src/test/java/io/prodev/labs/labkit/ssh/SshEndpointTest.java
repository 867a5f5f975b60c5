package io.prodev.labs.labkit.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.ssh.internal.KeyFiles;
import io.prodev.labs.labkit.ssh.internal.ServerState;
import java.nio.file.Path;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshEndpointTest {

    private static final PublicKey HOST_KEY = KeyFiles.newEd25519().getPublic();

    @Test
    void knownHostsLineBracketsTheHostWithItsPort() {
        assertThat(endpoint(2222, null).knownHostsLine()).matches("\\[127\\.0\\.0\\.1]:2222 ssh-ed25519 AAAA\\S+");
        assertThat(endpoint(22, null).knownHostsLine()).startsWith("127.0.0.1 ssh-ed25519 AAAA");
    }

    @Test
    void theKeyFilesSitBesideEachOther() {
        SshEndpoint endpoint = endpoint(2222, null);

        assertThat(endpoint.clientPublicKey()).isEqualTo(Path.of("/k/id_ed25519.pub"));
        assertThat(endpoint.authorizedKeys()).isEqualTo(Path.of("/s/authorized_keys"));
    }

    @Test
    void toStringLeavesThePasswordOut() {
        assertThat(endpoint(2222, "s3cret").toString())
                .doesNotContain("s3cret")
                .contains("learner@127.0.0.1:2222", "password login on");
    }

    @Test
    void aPortOutOfRangeIsRejectedNamingIt() {
        assertThatThrownBy(() -> endpoint(70000, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SSH port must be 1 to 65535, got: 70000");
    }

    @Test
    void anEmptyPasswordIsRejected() {
        assertThatThrownBy(() -> endpoint(2222, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pass null to turn password login off");
    }

    @Test
    void aBlankUserIsRejectedNamingIt() {
        assertThatThrownBy(() -> new SshEndpoint(
                        "127.0.0.1", 22, " ", HOST_KEY, Path.of("/r"), Path.of("/k/id"), Path.of("/s"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SSH user must not be blank, got: ' '");
    }

    @Test
    void commandsRunIsEmptyWithoutALogAndKeepsEachLoggedLineWhole(@TempDir Path settings) throws Exception {
        SshEndpoint endpoint = new SshEndpoint(
                "127.0.0.1", 2222, "learner", HOST_KEY, Path.of("/r"), Path.of("/k/id"), settings, null);
        assertThat(endpoint.commandsRun())
                .as("commandsRun() before any command")
                .isEmpty();

        ServerState.logCommand(settings, "echo one");
        ServerState.logCommand(settings, "echo 'two\nlines' back\\slash \\n cr\r");

        assertThat(endpoint.commandsRun())
                .as("commandsRun() after two logged commands, one with line breaks and backslashes")
                .containsExactly("echo one", "echo 'two\nlines' back\\slash \\n cr\r");
    }

    private static SshEndpoint endpoint(int port, String password) {
        return new SshEndpoint(
                "127.0.0.1",
                port,
                "learner",
                HOST_KEY,
                Path.of("/r"),
                Path.of("/k/id_ed25519"),
                Path.of("/s"),
                password);
    }
}

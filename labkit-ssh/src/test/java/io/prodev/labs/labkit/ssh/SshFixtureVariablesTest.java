package io.prodev.labs.labkit.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.ssh.internal.KeyFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rule the extension follows to pick a server, without starting one. */
class SshFixtureVariablesTest {

    private SshEndpoint endpoint;

    @BeforeEach
    void anEndpoint() {
        endpoint = new SshEndpoint(
                "127.0.0.1",
                2222,
                "learner",
                KeyFiles.newEd25519().getPublic(),
                Path.of("/srv/ssh/root"),
                Path.of("/srv/ssh/client/id_ed25519"),
                Path.of("/srv/ssh/settings"),
                null);
    }

    @Test
    void noVariablesMeanTheExtensionStartsItsOwnServer() {
        assertThat(SshFixtureVariables.fromEnvironment(Map.of("PATH", "/usr/bin")))
                .isEmpty();
    }

    @Test
    void blankVariablesCountAsUnset() {
        Map<String, String> blank = new HashMap<>();
        SshFixtureVariables.toEnvironment(endpoint).keySet().forEach(name -> blank.put(name, " "));

        assertThat(SshFixtureVariables.fromEnvironment(blank)).isEmpty();
    }

    @Test
    void theVariablesDescribeTheEndpointTheyWereMadeFrom() {
        Map<String, String> environment = SshFixtureVariables.toEnvironment(endpoint);

        assertThat(environment)
                .containsEntry("SSH_FIXTURE_HOST", "127.0.0.1")
                .containsEntry("SSH_FIXTURE_PORT", "2222")
                .containsEntry(
                        "SSH_FIXTURE_KEY", Path.of("/srv/ssh/client/id_ed25519").toString());
        assertThat(environment.get("SSH_FIXTURE_HOST_KEY")).startsWith("[127.0.0.1]:2222 ssh-ed25519 AAAA");
        assertThat(SshFixtureVariables.fromEnvironment(environment)).contains(endpoint);
    }

    @Test
    void someVariablesWithoutTheRestAreAnErrorNamingTheMissingOnes() {
        Map<String, String> environment = new HashMap<>(SshFixtureVariables.toEnvironment(endpoint));
        environment.remove("SSH_FIXTURE_ROOT");
        environment.remove("SSH_FIXTURE_USER");

        assertThatThrownBy(() -> SshFixtureVariables.fromEnvironment(environment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("these are not set: SSH_FIXTURE_USER, SSH_FIXTURE_ROOT");
    }

    @Test
    void aPortThatIsNoNumberIsAnErrorNamingIt() {
        Map<String, String> environment = new HashMap<>(SshFixtureVariables.toEnvironment(endpoint));
        environment.put("SSH_FIXTURE_PORT", "twenty-two");

        assertThatThrownBy(() -> SshFixtureVariables.fromEnvironment(environment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SSH_FIXTURE_PORT must be a port number, got: 'twenty-two'");
    }

    @Test
    void aHostKeyThatIsNoKnownHostsLineIsAnErrorNamingIt() {
        Map<String, String> environment = new HashMap<>(SshFixtureVariables.toEnvironment(endpoint));
        environment.put("SSH_FIXTURE_HOST_KEY", "ssh-ed25519");

        assertThatThrownBy(() -> SshFixtureVariables.fromEnvironment(environment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SSH_FIXTURE_HOST_KEY must be a known_hosts line")
                .hasMessageContaining("got: 'ssh-ed25519'");
    }
}

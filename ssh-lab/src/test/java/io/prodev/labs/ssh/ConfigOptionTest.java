package io.prodev.labs.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.ssh.SshEndpoint;
import io.prodev.labs.labkit.ssh.SshTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --config FILE}: the command line reaches a server by its alias in an OpenSSH client configuration, resolved
 * with task 1's {@link SshConfig}, and logs in with task 2's {@link RemoteCommand}.
 */
@Task("2")
@SshTest
class ConfigOptionTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private SshEndpoint endpoint;
    private Path knownHosts;

    @BeforeEach
    void setUp(SshEndpoint endpoint) throws Exception {
        this.endpoint = endpoint;
        this.knownHosts = Files.writeString(folder.resolve("known_hosts"), endpoint.knownHostsLine() + "\n");
    }

    private Path config(String text) throws Exception {
        return Files.writeString(folder.resolve("config"), text);
    }

    /** A Host block for {@code lab} that says everything: the server's address, its user, port, key, known hosts. */
    private String labBlock(int port, Path hosts) {
        return "Host lab\n"
                + "    HostName " + endpoint.host() + "\n"
                + "    User " + endpoint.user() + "\n"
                + "    Port " + port + "\n"
                + "    IdentityFile " + endpoint.clientKey() + "\n"
                + "    UserKnownHostsFile " + hosts + "\n";
    }

    private int run(String... args) {
        return SshLab.run(
                Map.of("HOME", folder.toString(), "USER", "nobody-here"),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                args);
    }

    @Test
    void execReachesAnAliasWithEverythingTheConfigurationSays() throws Exception {
        Path config = config(labBlock(endpoint.port(), knownHosts));

        int status = run("exec", "--config", config.toString(), "lab", "--", "echo", "hi");

        assertThat(err.toString()).as("stderr of exec --config FILE lab").isEmpty();
        assertThat(out.toString())
                .as("stdout of exec --config FILE lab -- echo hi")
                .isEqualTo("hi\n");
        assertThat(status)
                .as("exit status of exec --config FILE lab -- echo hi")
                .isZero();
    }

    @Test
    void optionsGivenWinOverTheConfiguration() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path config = config(labBlock(closedPort, folder.resolve("no_known_hosts")));

        int status = run(
                "exec",
                "--config",
                config.toString(),
                "-p",
                Integer.toString(endpoint.port()),
                "--known-hosts",
                knownHosts.toString(),
                "nobody@lab",
                "--",
                "echo",
                "hi");

        assertThat(err.toString())
                .as("stderr of exec with -p and --known-hosts over a configuration naming a closed port, as nobody@")
                .contains("nobody@" + endpoint.host() + ":" + endpoint.port())
                .contains("refused");
        assertThat(status)
                .as("exit status when the user given is not the server's")
                .isEqualTo(1);
    }

    @Test
    void theKeyIsTheFirstIdentityFileThatExists() throws Exception {
        Path config = config("Host lab\n"
                + "    IdentityFile ~/.ssh/no_such_key\n"
                + "    IdentityFile " + endpoint.clientKey() + "\n"
                + labBlock(endpoint.port(), knownHosts).substring("Host lab\n".length()));

        int status = run("exec", "--config", config.toString(), "lab", "--", "echo", "hi");

        assertThat(out.toString())
                .as("stdout of exec when the first IdentityFile does not exist and the second is the key")
                .isEqualTo("hi\n");
        assertThat(status).as("its exit status").isZero();
    }

    @Test
    @Task("3")
    void strictHostKeyCheckingAcceptNewInTheConfigurationRecordsANewServer() throws Exception {
        Path fresh = folder.resolve("fresh_known_hosts");
        Path config = config(labBlock(endpoint.port(), fresh) + "    StrictHostKeyChecking accept-new\n");

        int status = run("exec", "--config", config.toString(), "lab", "--", "echo", "hi");

        assertThat(status)
                .as("exit status of exec to a new server whose Host block says StrictHostKeyChecking accept-new")
                .isZero();
        assertThat(Files.readString(fresh))
                .as("the configuration's known hosts file afterwards")
                .isEqualTo(endpoint.knownHostsLine() + "\n");
    }

    @Test
    void aBadConfigurationIsOneLineNamingTheFileAndTheLine() throws Exception {
        Path config = config("Host lab\n    Port 70000\n");

        int status = run("exec", "--config", config.toString(), "lab", "--", "echo", "hi");

        assertThat(err.toString())
                .as("stderr of exec with a configuration whose line 2 is Port 70000")
                .startsWith("exec: " + config)
                .contains("line 2")
                .contains("70000")
                .hasLineCount(1);
        assertThat(status).as("its exit status").isEqualTo(1);
    }

    @Test
    @Task("6")
    void fanoutResolvesEveryHostAsAnAlias() throws Exception {
        Path config = config(labBlock(endpoint.port(), knownHosts));
        String server = endpoint.user() + "@" + endpoint.host() + ":" + endpoint.port();

        int status = run("fanout", "--config", config.toString(), "--hosts", "lab,lab", "--", "echo", "hi");

        assertThat(out.toString())
                .as("stdout of fanout --config FILE --hosts lab,lab -- echo hi")
                .isEqualTo("== " + server + " ==\nhi\n== " + server + " ==\nhi\n");
        assertThat(status).as("its exit status").isZero();
    }
}

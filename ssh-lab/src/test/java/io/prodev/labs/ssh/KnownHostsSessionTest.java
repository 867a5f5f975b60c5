package io.prodev.labs.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import com.jcraft.jsch.Session;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.ssh.SshEndpoint;
import io.prodev.labs.labkit.ssh.SshTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KnownHosts deciding, through JSch, whether to trust the fixture's real SSH server. */
@Task("3")
@SshTest
class KnownHostsSessionTest {

    @TempDir
    Path folder;

    private SshEndpoint endpoint;
    private Path file;

    @BeforeEach
    void setUp(SshEndpoint endpoint) {
        this.endpoint = endpoint;
        this.file = folder.resolve("known_hosts");
    }

    /** Logs in to the fixture's server with JSch, StrictHostKeyChecking yes, host keys checked by KnownHosts. */
    static void logIn(SshEndpoint endpoint, Path knownHostsFile, HostKeyPolicy policy) throws Exception {
        JSch jsch = new JSch();
        jsch.addIdentity(endpoint.clientKey().toString());
        jsch.setHostKeyRepository(new KnownHostsRepository(KnownHosts.load(knownHostsFile), policy));
        Session session = jsch.getSession(endpoint.user(), endpoint.host(), endpoint.port());
        session.setConfig("StrictHostKeyChecking", "yes");
        try {
            session.connect(5_000);
        } finally {
            session.disconnect();
        }
    }

    @Test
    void aKnownServerIsTrusted() throws Exception {
        Files.writeString(file, endpoint.knownHostsLine() + "\n");

        logIn(endpoint, file, HostKeyPolicy.STRICT); // throws if refused
        assertThat(Files.readString(file))
                .as("known_hosts after logging in to a known server")
                .isEqualTo(endpoint.knownHostsLine() + "\n");
    }

    @Test
    void anUnknownServerIsRefusedWhenStrict() {
        assertThatThrownBy(() -> logIn(endpoint, file, HostKeyPolicy.STRICT))
                .as("logging in, STRICT, with no known_hosts file")
                .isInstanceOf(JSchUnknownHostKeyException.class);
        assertThat(file)
                .as("the known_hosts file after refusing an unknown server")
                .doesNotExist();
    }

    @Test
    void anUnknownServerIsRecordedWhenAcceptNew() throws Exception {
        logIn(endpoint, file, HostKeyPolicy.ACCEPT_NEW);

        assertThat(Files.readString(file))
                .as("known_hosts after logging in to a new server with ACCEPT_NEW")
                .isEqualTo(endpoint.knownHostsLine() + "\n");
        logIn(endpoint, file, HostKeyPolicy.STRICT); // now known: throws if refused
    }

    @Test
    void aChangedKeyIsRefusedEvenWhenAcceptNew() throws Exception {
        String changed = "[127.0.0.1]:" + endpoint.port() + " ssh-ed25519 " + KnownHostsTest.OTHER_KEY + "\n";
        Files.writeString(file, changed);

        assertThatThrownBy(() -> logIn(endpoint, file, HostKeyPolicy.ACCEPT_NEW))
                .as("logging in, ACCEPT_NEW, when known_hosts holds another ed25519 key for the server")
                .isInstanceOf(JSchChangedHostKeyException.class);
        assertThat(Files.readString(file))
                .as("known_hosts after refusing a changed key")
                .isEqualTo(changed);
    }
}

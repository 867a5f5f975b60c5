package io.prodev.labs.labkit.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.Session;
import io.prodev.labs.labkit.ssh.JschClient.Result;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Who gets in: the client key, keys a test authorizes, a password only when the class asks for one. */
@SshTest
class SshAuthenticationTest {

    @TempDir
    Path keys;

    @Test
    void theClientKeyLogsTheUserIn(SshEndpoint server) throws Exception {
        assertThat(JschClient.exec(server, "echo in")).isEqualTo(new Result("in\n", "", 0));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "no POSIX permissions")
    void theClientKeyIsReadableByItsOwnerOnly(SshEndpoint server) throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.clientKey())))
                .isEqualTo("rw-------");
        assertThat(Files.readString(server.clientKey())).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(Files.readString(server.clientPublicKey()))
                .startsWith("ssh-ed25519 AAAA")
                .endsWith(" labkit-ssh client\n");
    }

    @Test
    void passwordLoginIsOffByDefault(SshEndpoint server) {
        assertThat(server.password()).isNull();
        assertThatThrownBy(() -> JschClient.withPassword(server, server.user(), "anything"))
                .as("password login with no password set")
                .isInstanceOf(JSchException.class)
                .hasMessageContaining("Auth fail");
    }

    @Test
    void aKeyThatIsNotAuthorizedIsRefused(SshEndpoint server) throws Exception {
        Path stranger = newEd25519Key("stranger");

        assertThatThrownBy(() -> JschClient.withKey(server, stranger))
                .as("login with a key missing from authorized_keys")
                .isInstanceOf(JSchException.class)
                .hasMessageContaining("Auth fail");
    }

    @Test
    void aKeyAppendedToAuthorizedKeysGetsIn(SshEndpoint server) throws Exception {
        Path friend = newEd25519Key("friend");
        Files.writeString(
                server.authorizedKeys(), Files.readString(Path.of(friend + ".pub")), StandardOpenOption.APPEND);

        Session session = JschClient.withKey(server, friend);

        assertThat(session.isConnected()).as("connected with the appended key").isTrue();
        session.disconnect();
    }

    @Test
    void anotherUserNameIsRefusedEvenWithTheClientKey(SshEndpoint server) throws Exception {
        JSch jsch = JschClient.knowing(server);
        jsch.addIdentity(server.clientKey().toString());
        Session session = jsch.getSession("root", server.host(), server.port());
        session.setConfig("StrictHostKeyChecking", "yes");

        assertThatThrownBy(() -> session.connect(5_000))
                .as("login as root")
                .isInstanceOf(JSchException.class)
                .hasMessageContaining("Auth fail");
    }

    @Test
    void aClientThatKnowsAnotherHostKeyRefusesTheServer(SshEndpoint server) throws Exception {
        Path other = newEd25519Key("not-the-host");
        String otherKey = Files.readString(Path.of(other + ".pub")).trim();
        JSch jsch = new JSch();
        String line = "[" + server.host() + "]:" + server.port() + " " + otherKey;
        jsch.setKnownHosts(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
        jsch.addIdentity(server.clientKey().toString());
        Session session = jsch.getSession(server.user(), server.host(), server.port());
        session.setConfig("StrictHostKeyChecking", "yes");

        assertThatThrownBy(() -> session.connect(5_000))
                .as("strict host key checking against a known_hosts line with another key")
                .isInstanceOf(JSchException.class)
                .hasMessageContaining("HostKey has been changed");
    }

    @Nested
    @SshTest(password = "s3cret")
    class WithAPassword {

        @Test
        void theRightPasswordLogsTheUserIn(SshEndpoint server) throws Exception {
            assertThat(server.password()).isEqualTo("s3cret");

            Session session = JschClient.withPassword(server, server.user(), "s3cret");

            assertThat(JschClient.exec(session, "pwd", "", java.util.Map.of())).isEqualTo(new Result("/\n", "", 0));
            session.disconnect();
        }

        @Test
        void aWrongPasswordIsRefused(SshEndpoint server) {
            assertThatThrownBy(() -> JschClient.withPassword(server, server.user(), "S3cret"))
                    .isInstanceOf(JSchException.class)
                    .hasMessageContaining("Auth fail");
        }
    }

    /** A new ed25519 key pair written by JSch (not by the fixture) to {@code name} and {@code name}.pub. */
    private Path newEd25519Key(String name) throws Exception {
        KeyPair pair = KeyPair.genKeyPair(new JSch(), KeyPair.ED25519);
        Path privateKey = keys.resolve(name);
        try (OutputStream out = Files.newOutputStream(privateKey)) {
            pair.writeOpenSSHv1PrivateKey(out, null);
        }
        try (OutputStream out = Files.newOutputStream(Path.of(privateKey + ".pub"))) {
            pair.writePublicKey(out, name);
        }
        pair.dispose();
        return privateKey;
    }
}

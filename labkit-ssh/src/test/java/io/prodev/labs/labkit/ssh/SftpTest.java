package io.prodev.labs.labkit.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SFTP serves the root folder, as {@code /}, and nothing outside it. */
@SshTest
class SftpTest {

    private Session session;
    private ChannelSftp sftp;

    @BeforeEach
    void connect(SshEndpoint server) throws Exception {
        session = JschClient.withKey(server);
        sftp = (ChannelSftp) session.openChannel("sftp");
        sftp.connect(5_000);
    }

    @AfterEach
    void disconnect() {
        sftp.disconnect();
        session.disconnect();
    }

    @Test
    void aFilePutLandsInTheRootAndComesBack(SshEndpoint server) throws Exception {
        sftp.mkdir("/inbox");
        sftp.put(new ByteArrayInputStream("hello over sftp".getBytes(StandardCharsets.UTF_8)), "/inbox/note.txt");

        assertThat(server.root().resolve("inbox/note.txt")).hasContent("hello over sftp");
        assertThat(get("inbox/note.txt")).isEqualTo("hello over sftp");
        assertThat(JschClient.exec(server, "cat inbox/note.txt").out()).isEqualTo("hello over sftp");
    }

    @Test
    void theRootIsSlash() throws Exception {
        assertThat(sftp.pwd()).isEqualTo("/");
        sftp.cd("../..");
        assertThat(sftp.pwd()).as("pwd after cd ../.. from /").isEqualTo("/");
    }

    @Test
    void dotDotCannotClimbOutOfTheRoot(SshEndpoint server) throws Exception {
        sftp.put(new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)), "../../escaped.txt");

        assertThat(server.root().resolve("escaped.txt"))
                .as("a file put as ../../escaped.txt")
                .exists();
        assertThat(server.root().getParent().resolve("escaped.txt")).doesNotExist();
        assertThatThrownBy(() -> get("../settings/authorized_keys"))
                .as("getting the server's authorized_keys, which sits beside the root")
                .isInstanceOf(SftpException.class);
    }

    @Test
    void eachTestStartsWithAnEmptyRoot(SshEndpoint server) throws Exception {
        try (var files = Files.list(server.root())) {
            assertThat(files).as("files in the root at the start of a test").isEmpty();
        }
        sftp.put(new ByteArrayInputStream(new byte[] {1}), "left-behind.bin");
    }

    @Test
    void aSecondTestFindsNothingTheFirstLeft(SshEndpoint server) throws Exception {
        eachTestStartsWithAnEmptyRoot(server);
    }

    private String get(String path) throws SftpException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sftp.get(path, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}

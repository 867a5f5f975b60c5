package io.prodev.labs.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.ssh.SshEndpoint;
import io.prodev.labs.labkit.ssh.SshTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The put and get commands of the lab's command line, on top of task 4. */
@Task("4")
@SshTest
class TransferCommandsTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private SshEndpoint endpoint;
    private Path knownHosts;
    private String server;

    @BeforeEach
    void setUp(SshEndpoint endpoint) throws Exception {
        this.endpoint = endpoint;
        this.knownHosts = Files.writeString(folder.resolve("known_hosts"), endpoint.knownHostsLine() + "\n");
        this.server = endpoint.user() + "@" + endpoint.host() + ":" + endpoint.port();
    }

    private int run(String command, String... arguments) {
        List<String> args = new ArrayList<>(List.of(
                command,
                "-i",
                endpoint.clientKey().toString(),
                "-p",
                Integer.toString(endpoint.port()),
                "--known-hosts",
                knownHosts.toString(),
                "--timeout",
                "10",
                endpoint.user() + "@" + endpoint.host()));
        args.addAll(List.of(arguments));
        return SshLab.run(
                Map.of("HOME", folder.toString()),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                args.toArray(String[]::new));
    }

    @Test
    void putUploadsAndPrintsWhatItCopied() throws Exception {
        byte[] content = "hello, server\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(folder.resolve("hello.txt"), content);

        int status = run("put", file.toString(), "inbox/hello.txt");

        assertThat(status).as("exit status of put hello.txt inbox/hello.txt").isZero();
        assertThat(out.toString())
                .as("stdout of put")
                .isEqualTo("uploaded " + file + " -> " + server + ":inbox/hello.txt, 14 bytes, sha256 "
                        + FileTransferTest.sha256(content) + "\n");
        assertThat(endpoint.root().resolve("inbox/hello.txt"))
                .as("the uploaded file")
                .hasBinaryContent(content);
    }

    @Test
    void getDownloadsAndPrintsWhatItCopied() throws Exception {
        byte[] content = "hello, client\n".getBytes(StandardCharsets.UTF_8);
        Files.write(endpoint.root().resolve("hello.txt"), content);
        Path file = folder.resolve("hello.txt");

        int status = run("get", "/hello.txt", file.toString());

        assertThat(status).as("exit status of get /hello.txt hello.txt").isZero();
        assertThat(out.toString())
                .as("stdout of get")
                .isEqualTo("downloaded " + server + ":/hello.txt -> " + file + ", 14 bytes, sha256 "
                        + FileTransferTest.sha256(content) + "\n");
        assertThat(file).as("the downloaded file").hasBinaryContent(content);
    }

    @Test
    void aFailureIsOneLineNamingIt() {
        int status = run("get", "no/such/file.txt", folder.resolve("file.txt").toString());

        assertThat(status).as("exit status of get of a missing remote file").isEqualTo(1);
        assertThat(err.toString())
                .as("stderr of get of a missing remote file")
                .startsWith("get: ")
                .contains("no/such/file.txt")
                .doesNotContain("Exception")
                .hasLineCount(1);
        assertThat(out.toString()).as("stdout of the failed get").isEmpty();
    }

    @Test
    void aDamagedUploadExitsWithOneSayingChecksum() throws Exception {
        Path file = Files.writeString(folder.resolve("data.txt"), "data");
        endpoint.corruptChecksums(true);

        int status = run("put", file.toString(), "data.txt");

        assertThat(status).as("exit status of put when the checksums differ").isEqualTo(1);
        assertThat(err.toString())
                .as("stderr of put when the checksums differ")
                .startsWith("put: ")
                .contains("checksum")
                .hasLineCount(1);
        assertThat(endpoint.root())
                .as("the server's root after the refused put")
                .isEmptyDirectory();
    }
}

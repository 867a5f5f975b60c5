package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.http.RawConnection.RawResponse;
import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("0")
@Hidden
class StaticFilesHiddenTest {

    private static final List<String> SEGMENTS = List.of(
            "..",
            "%2e%2e",
            ".%2e",
            "%2E.",
            "..%2f",
            "..%2F",
            "%252e%252e",
            "%5c",
            "\\",
            "sub",
            "hello.txt",
            ".",
            "%2e",
            "secret.txt",
            "%00",
            "%2f",
            "..;",
            "%c0%ae%c0%ae",
            "",
            "%25",
            "www");

    @TempDir
    Path outside;

    private Path root;
    private WebServer server;

    @BeforeEach
    void start() throws IOException {
        root = Files.createDirectories(outside.resolve("www"));
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(outside.resolve("secret.txt"), "SECRET");
        Files.writeString(root.resolve("hello.txt"), "hello");
        Files.writeString(root.resolve("sub/hello.txt"), "sub hello");
        server = WebServer.start(ServerSettings.onPort(0), new StaticFiles("/static/", root));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Hint("decode the path, then refuse any way up or out (.., backslash, NUL, a leading /), encoded or not")
    @Test
    void randomPathsNeverReachOutsideTheFolder() throws IOException {
        Random random = new Random(7);
        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder path = new StringBuilder("/static/");
            int segments = 1 + random.nextInt(5);
            for (int s = 0; s < segments; s++) {
                path.append(SEGMENTS.get(random.nextInt(SEGMENTS.size())));
                if (s < segments - 1) {
                    path.append('/');
                }
            }
            RawResponse response = RawConnection.exchange(
                    server.port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            if (response.body().contains("SECRET") || !List.of(200, 400, 404).contains(response.status())) {
                leaks.add(path + " -> " + response.status() + " " + response.body());
            }
        }
        assertThat(leaks)
                .as("paths that reached the file outside the folder, or got an unexpected status")
                .isEmpty();
    }

    @Hint("a file is streamed as it is read: its bytes arrive whole and in order, with its length")
    @Test
    void aLargeFileArrivesWhole() throws Exception {
        byte[] content = new byte[8 * 1024 * 1024 + 7];
        new Random(3).nextBytes(content);
        Files.write(root.resolve("big.bin"), content);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.getOutputStream()
                    .write("GET /static/big.bin HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] all = in.readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String head = text.substring(0, end);
            byte[] body = new byte[all.length - end - 4];
            System.arraycopy(all, end + 4, body, 0, body.length);

            assertThat(head)
                    .as("the head of GET /static/big.bin (8 MiB + 7 bytes)")
                    .contains("Content-Length: " + content.length);
            assertThat(MessageDigest.getInstance("SHA-256").digest(body))
                    .as("SHA-256 of the body received, against the file's")
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(content));
        }
    }

    @Hint("Last-Modified follows the file: a changed file is served again, not answered 304")
    @Test
    void aFileChangedSinceIsServedAgain() throws IOException {
        RawResponse first = RawConnection.exchange(
                server.port(), "GET /static/hello.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        Files.writeString(root.resolve("hello.txt"), "changed");
        Files.setLastModifiedTime(
                root.resolve("hello.txt"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));

        RawResponse second = RawConnection.exchange(
                server.port(),
                "GET /static/hello.txt HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: " + first.header("Last-Modified")
                        + "\r\nConnection: close\r\n\r\n");

        assertThat(second.status())
                .as("status with the first Last-Modified, after the file changed")
                .isEqualTo(200);
        assertThat(second.body()).as("body after the change").isEqualTo("changed");
    }
}

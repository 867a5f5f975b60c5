package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Task;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("0")
class WebCommandTest {

    @TempDir
    Path folder;

    @Test
    void servesTheSiteUntilStopped() throws Exception {
        Files.writeString(folder.resolve("a.txt"), "static a");
        try (CommandRun web = CommandRun.start("web", "--port", "0", "--name", "web-07", "--root", folder.toString())) {
            URI uri = web.awaitListening();

            assertThat(uri.toString()).as("the URL after `listening on`").matches("http://127\\.0\\.0\\.1:\\d+/");
            var hello = RawConnection.exchange(uri.getPort(), "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(hello.body()).as("GET / from the web command").isEqualTo("Hello World!");
            assertThat(hello.header("X-Served-By"))
                    .as("X-Served-By from `web --name web-07`")
                    .isEqualTo("web-07");
            var file = RawConnection.exchange(
                    uri.getPort(), "GET /static/a.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(file.body()).as("GET /static/a.txt from `web --root`").isEqualTo("static a");

            assertThat(web.stop()).as("exit status after an interrupt").isZero();
            assertThat(web.out()).as("output after the stop").endsWith("stopped" + System.lineSeparator());
        }
    }

    @Test
    void stopsAfterForSeconds() throws Exception {
        try (CommandRun web = CommandRun.start("web", "--port", "0", "--name", "n", "--for", "0.2")) {
            web.awaitListening();

            assertThat(web.exitStatus()).as("exit status of `web --for 0.2`").isZero();
            assertThat(web.out()).as("its output").contains("stopped");
        }
    }

    @Test
    void aPortInUseIsAnErrorNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                CommandRun web =
                        CommandRun.start("web", "--port", String.valueOf(taken.getLocalPort()), "--name", "n")) {
            assertThat(web.exitStatus())
                    .as("exit status of `web` on a port in use")
                    .isEqualTo(1);
            assertThat(web.err()).as("its error line").contains(String.valueOf(taken.getLocalPort()));
        }
    }

    @Test
    void badOptionsAreErrorsNamingTheValue() throws Exception {
        Path missing = folder.resolve("missing");
        try (CommandRun web = CommandRun.start("web", "--port", "0", "--name", "n", "--root", missing.toString())) {
            assertThat(web.exitStatus())
                    .as("exit status of `web --root` with a missing folder")
                    .isEqualTo(1);
            assertThat(web.err()).as("its error line").contains(missing.toString());
        }
        try (CommandRun web = CommandRun.start("web", "--port", "70000", "--name", "n")) {
            assertThat(web.exitStatus()).as("exit status of `web --port 70000`").isEqualTo(1);
            assertThat(web.err()).as("its error line").contains("70000");
        }
        try (CommandRun web = CommandRun.start("web", "--port", "0", "--name", "n", "--bind", "localhost")) {
            assertThat(web.exitStatus())
                    .as("exit status of `web --bind localhost` (a name, not an address)")
                    .isEqualTo(1);
            assertThat(web.err()).as("its error line").contains("localhost");
        }
        try (CommandRun web = CommandRun.start("web", "--name", "n")) {
            assertThat(web.exitStatus())
                    .as("exit status of `web` without --port")
                    .isEqualTo(2);
            assertThat(web.err()).as("its usage error").contains("--port");
        }
    }
}

package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.prodev.labs.labkit.Task;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The https command of the lab's command line, on top of task 2. */
@Task("2")
class HttpsCommandTest {

    @BeforeAll
    static void initialiseJdkCrypto() {
        TlsPeers.initialiseJdkCrypto();
    }

    private static final Pattern LISTENING = Pattern.compile("listening on (https?)://127\\.0\\.0\\.1:(\\d+)/\n");

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger status = new AtomicInteger(-1);
    private Thread command;

    @AfterEach
    void tearDown() throws Exception {
        if (command != null) {
            command.interrupt();
            command.join(10_000);
        }
    }

    /** Runs the command on a thread of its own and waits until it printed {@code lines} listening lines. */
    private List<Integer> start(Map<String, String> environment, int lines, String... args) {
        command = new Thread(
                () -> status.set(
                        HttpLab.run(environment, new PrintWriter(out, true), new PrintWriter(err, true), args)),
                "https-command");
        command.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> count(out.toString()) >= lines || status.get() >= 0);
        assertThat(count(out.toString()))
                .as("listening lines printed by https " + String.join(" ", args) + "; stderr: " + err)
                .isEqualTo(lines);
        List<Integer> ports = new ArrayList<>();
        Matcher matcher = LISTENING.matcher(out.toString());
        while (matcher.find()) {
            ports.add(Integer.parseInt(matcher.group(2)));
        }
        return ports;
    }

    private static int count(String text) {
        return (int) LISTENING.matcher(text).results().count();
    }

    private int stop() throws InterruptedException {
        command.interrupt();
        command.join(10_000);
        assertThat(command.isAlive())
                .as("the https command, 10 s after its thread was interrupted")
                .isFalse();
        command = null;
        return status.get();
    }

    private int runToEnd(Map<String, String> environment, String... args) {
        return HttpLab.run(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void selfSignedWithARedirectPort() throws Exception {
        List<Integer> ports =
                start(Map.of(), 2, "https", "--port", "0", "--name", "web-01", "--self-signed", "--redirect-port", "0");
        assertThat(out.toString())
                .as("what https --self-signed --redirect-port 0 printed first")
                .startsWith("listening on https://127.0.0.1:")
                .contains("\nlistening on http://127.0.0.1:");
        X509Certificate certificate = TrustStores.presentedBy("127.0.0.1", ports.get(0));
        try (Response response = TlsPeers.client(certificate)
                .newCall(new Request.Builder()
                        .url("https://localhost:" + ports.get(0) + "/")
                        .build())
                .execute()) {
            assertThat(response.code())
                    .as("GET https://localhost:PORT/ (name checked)")
                    .isEqualTo(200);
            assertThat(response.header("X-Served-By")).as("its X-Served-By").isEqualTo("web-01");
            assertThat(response.header("Strict-Transport-Security"))
                    .as("its Strict-Transport-Security")
                    .isEqualTo("max-age=31536000; includeSubDomains");
        }
        try (Response response = TlsPeers.plainClient()
                .newCall(new Request.Builder()
                        .url("http://127.0.0.1:" + ports.get(1) + "/redirect_me?a=1")
                        .build())
                .execute()) {
            assertThat(response.code())
                    .as("GET http://127.0.0.1:P2/redirect_me?a=1")
                    .isEqualTo(301);
            assertThat(response.header("Location"))
                    .as("its Location: the https port the command printed")
                    .isEqualTo("https://127.0.0.1:" + ports.get(0) + "/redirect_me?a=1");
        }
        assertThat(stop()).as("exit status after a clean stop; stderr: " + err).isZero();
        assertThat(out.toString()).as("the command's output").endsWith("stopped\n");
    }

    @Test
    void keystoreWithThePasswordFromTheEnvironment() throws Exception {
        HeldCertificate held = TlsPeers.localhostCertificate();
        Path keystore = TlsPeers.writePkcs12(folder, "server.p12", held, "s3cret".toCharArray());
        List<Integer> ports = start(
                Map.of("LAB_STOREPASS", "s3cret"),
                1,
                "https",
                "--port",
                "0",
                "--name",
                "web-02",
                "--keystore",
                keystore.toString(),
                "--storepass-env",
                "LAB_STOREPASS");
        try (Response response = TlsPeers.client(held.certificate())
                .newCall(new Request.Builder()
                        .url("https://localhost:" + ports.get(0) + "/")
                        .build())
                .execute()) {
            assertThat(response.body().string())
                    .as("GET https://localhost:PORT/ with the keystore's certificate")
                    .isEqualTo("Hello World!");
        }
        assertThat(stop()).as("exit status after a clean stop; stderr: " + err).isZero();
    }

    @Test
    void anUnsetPasswordVariableIsNamed() throws Exception {
        Path keystore = TlsPeers.writePkcs12(folder, "server.p12", TlsPeers.localhostCertificate(), "x".toCharArray());
        int exit = runToEnd(
                Map.of(),
                "https",
                "--port",
                "0",
                "--name",
                "w",
                "--keystore",
                keystore.toString(),
                "--storepass-env",
                "NO_SUCH_VARIABLE");
        assertThat(exit)
                .as("exit status of https --storepass-env NO_SUCH_VARIABLE, unset")
                .isEqualTo(1);
        assertThat(err.toString()).as("its error output").contains("NO_SUCH_VARIABLE");
        assertThat(out.toString()).as("its standard output").doesNotContain("listening");
    }

    @Test
    void aMissingKeystoreIsNamed() {
        Path missing = folder.resolve("missing.p12");
        int exit = runToEnd(
                Map.of("PASS", "x"),
                "https",
                "--port",
                "0",
                "--name",
                "w",
                "--keystore",
                missing.toString(),
                "--storepass-env",
                "PASS");
        assertThat(exit)
                .as("exit status of https --keystore with a file that does not exist")
                .isEqualTo(1);
        assertThat(err.toString()).as("its error output").contains(missing.toString());
    }

    @Test
    void aWrongPasswordIsNamedWithTheFile() throws Exception {
        Path keystore =
                TlsPeers.writePkcs12(folder, "server.p12", TlsPeers.localhostCertificate(), "right".toCharArray());
        int exit = runToEnd(
                Map.of("PASS", "wrong"),
                "https",
                "--port",
                "0",
                "--name",
                "w",
                "--keystore",
                keystore.toString(),
                "--storepass-env",
                "PASS");
        assertThat(exit)
                .as("exit status of https with a wrong keystore password")
                .isEqualTo(1);
        assertThat(err.toString())
                .as("its error output")
                .contains(keystore.toString())
                .doesNotContain("wrong\n");
    }

    @Test
    void aCertificateSourceIsRequiredAndOnlyOne() throws Exception {
        Path keystore = TlsPeers.writePkcs12(folder, "server.p12", TlsPeers.localhostCertificate(), "x".toCharArray());
        assertThat(runToEnd(Map.of(), "https", "--port", "0", "--name", "w"))
                .as("exit status of https with neither --self-signed nor --keystore")
                .isEqualTo(2);
        assertThat(runToEnd(
                        Map.of("P", "x"),
                        "https",
                        "--port",
                        "0",
                        "--name",
                        "w",
                        "--self-signed",
                        "--keystore",
                        keystore.toString(),
                        "--storepass-env",
                        "P"))
                .as("exit status of https with both --self-signed and --keystore")
                .isEqualTo(2);
        assertThat(runToEnd(Map.of(), "https", "--port", "0", "--name", "w", "--keystore", keystore.toString()))
                .as("exit status of https --keystore without --storepass-env")
                .isEqualTo(2);
    }
}

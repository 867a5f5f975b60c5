package io.prodev.labs.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import io.prodev.labs.labkit.Task;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keygen command of the lab's command line, on top of task 0. */
@Task("0")
class KeygenCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> environment, String... args) {
        return SshLab.run(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void printsTheFingerprintLineAsSshKeygenDoes() throws Exception {
        Path key = folder.resolve("id_ed25519");

        int status = run(Map.of(), "keygen", "--type", "ed25519", "--comment", "alice@laptop", "--out", key.toString());

        assertThat(status).as("exit status of keygen; stderr: %s", err).isZero();
        String fingerprint = SshWire.sha256Fingerprint(SshWire.blobOfFile(folder.resolve("id_ed25519.pub")));
        assertThat(out.toString()).as("keygen's output").isEqualTo("256 " + fingerprint + " alice@laptop (ED25519)\n");
    }

    @Test
    void readsThePassphraseFromTheVariableNamed() throws Exception {
        Path key = folder.resolve("id_ed25519");

        int status = run(
                Map.of("KEY_PASS", "correct horse"),
                "keygen",
                "--passphrase-env",
                "KEY_PASS",
                "--comment",
                "c",
                "--out",
                key.toString());

        assertThat(status)
                .as("exit status of keygen --passphrase-env KEY_PASS; stderr: %s", err)
                .isZero();
        KeyPair loaded = KeyPair.load(new JSch(), key.toString());
        assertThat(loaded.decrypt("correct horse"))
                .as("decrypt with KEY_PASS's value")
                .isTrue();
    }

    @Test
    void errorsAreOneLineNamingWhatFailed() throws Exception {
        Path key = folder.resolve("id_ed25519");
        Files.writeString(key, "an old key");

        assertThat(run(Map.of(), "keygen", "--out", key.toString()))
                .as("exit status over an existing key")
                .isEqualTo(1);
        assertThat(err.toString())
                .as("stderr over an existing key")
                .isEqualTo("keygen: " + key + " already exists: a key is never overwritten\n");
        err.getBuffer().setLength(0);

        Path other = folder.resolve("other");
        assertThat(run(Map.of(), "keygen", "--passphrase-env", "NOPE", "--out", other.toString()))
                .as("exit status with --passphrase-env naming an unset variable")
                .isEqualTo(1);
        assertThat(err.toString())
                .as("stderr with an unset variable")
                .contains("NOPE")
                .doesNotContain("Exception");
        err.getBuffer().setLength(0);

        assertThat(run(Map.of(), "keygen", "--type", "dsa", "--out", other.toString()))
                .as("exit status with --type dsa")
                .isEqualTo(1);
        assertThat(err.toString()).as("stderr with --type dsa").contains("dsa");
        assertThat(other).as("the key file after the failed runs").doesNotExist();
    }

    @Test
    void aMissingOutIsAUsageError() {
        assertThat(run(Map.of(), "keygen"))
                .as("exit status of keygen without --out")
                .isEqualTo(2);
        assertThat(err.toString()).as("stderr of keygen without --out").contains("--out");
    }

    @Test
    void helpListsTheOptions() {
        assertThat(run(Map.of(), "keygen", "--help"))
                .as("exit status of keygen --help")
                .isZero();
        assertThat(out.toString())
                .as("keygen --help")
                .contains("--type", "--bits", "--comment", "--passphrase-env", "--out");
    }
}

package io.prodev.labs.ssh;

import static io.prodev.labs.ssh.HostKeyVerdict.CHANGED;
import static io.prodev.labs.ssh.HostKeyVerdict.KNOWN;
import static io.prodev.labs.ssh.HostKeyVerdict.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("3")
class KnownHostsTest {

    /** An ed25519 public key blob, as it appears base64-encoded in known_hosts lines. */
    static final String KEY = "AAAAC3NzaC1lZDI1NTE5AAAAIK6J7XnwiQTWifKKDydSsxtEXpm3vefLbPj1FslRuh28";
    /** Another ed25519 key. */
    static final String OTHER_KEY = "AAAAC3NzaC1lZDI1NTE5AAAAIMPLljnh0u/831leUcZxBTEMc2TyxzHPtkkRE+Ps7ZBR";

    static final String ED25519 = "ssh-ed25519";

    @TempDir
    Path folder;

    static byte[] blob(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private KnownHosts load(String... lines) throws Exception {
        Path file = folder.resolve("known_hosts");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return KnownHosts.load(file);
    }

    @Test
    void aPlainLineNamesItsHostOnPort22() throws Exception {
        KnownHosts knownHosts = load("server.example.com " + ED25519 + " " + KEY);

        assertThat(knownHosts.check("server.example.com", 22, ED25519, blob(KEY)))
                .as("check(server.example.com:22, the key of its line)")
                .isEqualTo(KNOWN);
        assertThat(knownHosts.check("server.example.com", 2222, ED25519, blob(KEY)))
                .as("check(server.example.com:2222): a line without a port is for port 22 only")
                .isEqualTo(UNKNOWN);
    }

    @Test
    void anotherPortIsWrittenInBrackets() throws Exception {
        KnownHosts knownHosts = load("[127.0.0.1]:2222 " + ED25519 + " " + KEY);

        assertThat(knownHosts.check("127.0.0.1", 2222, ED25519, blob(KEY)))
                .as("check(127.0.0.1:2222) against [127.0.0.1]:2222")
                .isEqualTo(KNOWN);
        assertThat(knownHosts.check("127.0.0.1", 22, ED25519, blob(KEY)))
                .as("check(127.0.0.1:22) against [127.0.0.1]:2222")
                .isEqualTo(UNKNOWN);
    }

    @Test
    void hashedLinesAsSshKeygenWritesThem() throws Exception {
        // Written by `ssh-keygen -H` from lines for 127.0.0.1, [127.0.0.1]:2222 and Example.COM.
        KnownHosts knownHosts = load(
                "|1|wUYUQGwHRWS8LCfy9uPMyxtjsOg=|TzwxFII0BbiuX6DW0FVzzrHwrGI= " + ED25519 + " " + KEY,
                "|1|XoyJzAxoCyxn/n4x5AHPdEmdHo4=|jbZqFOZMoX7ENrv8dwiuJRCz5ho= " + ED25519 + " " + KEY,
                "|1|vUhPyuICcix/A2gnVlKmKEG8lvQ=|KWnzPzAesDDAEQ3tO/Oe3zgoFtA= " + ED25519 + " " + KEY);

        assertThat(knownHosts.check("127.0.0.1", 22, ED25519, blob(KEY)))
                .as("check(127.0.0.1:22) against hashed lines")
                .isEqualTo(KNOWN);
        assertThat(knownHosts.check("127.0.0.1", 2222, ED25519, blob(KEY)))
                .as("check(127.0.0.1:2222) against hashed lines")
                .isEqualTo(KNOWN);
        assertThat(knownHosts.check("example.com", 22, ED25519, blob(KEY)))
                .as("check(example.com:22) against hashed lines (ssh-keygen hashed it in lower case)")
                .isEqualTo(KNOWN);
        assertThat(knownHosts.check("example.org", 22, ED25519, blob(KEY)))
                .as("check(example.org:22) against hashed lines for other hosts")
                .isEqualTo(UNKNOWN);
    }

    @Test
    void anotherKeyOfTheSameTypeIsAChangedKey() throws Exception {
        KnownHosts knownHosts = load("server " + ED25519 + " " + KEY);

        assertThat(knownHosts.check("server", 22, ED25519, blob(OTHER_KEY)))
                .as("check(server:22) with an ed25519 key other than the one recorded")
                .isEqualTo(CHANGED);
        assertThat(knownHosts.check("server", 22, "ssh-rsa", blob(OTHER_KEY)))
                .as("check(server:22) with an ssh-rsa key when only an ed25519 one is recorded")
                .isEqualTo(UNKNOWN);
    }

    @Test
    void oneLineCanNameSeveralHostsAndCaseDoesNotMatter() throws Exception {
        KnownHosts knownHosts = load("alpha,Beta.Example.COM,[10.0.0.5]:2200 " + ED25519 + " " + KEY + " a comment");

        assertThat(knownHosts.check("alpha", 22, ED25519, blob(KEY)))
                .as("check(alpha:22)")
                .isEqualTo(KNOWN);
        assertThat(knownHosts.check("beta.example.com", 22, ED25519, blob(KEY)))
                .as("check(beta.example.com:22) against Beta.Example.COM")
                .isEqualTo(KNOWN);
        assertThat(knownHosts.check("10.0.0.5", 2200, ED25519, blob(KEY)))
                .as("check(10.0.0.5:2200)")
                .isEqualTo(KNOWN);
    }

    @Test
    void commentsMarkersAndBrokenLinesAreSkipped() throws Exception {
        KnownHosts knownHosts = load(
                "# server " + ED25519 + " " + KEY,
                "",
                "@revoked server " + ED25519 + " " + KEY,
                "server " + ED25519,
                "server " + ED25519 + " not-base64!!",
                "other " + ED25519 + " " + KEY);

        assertThat(knownHosts.check("server", 22, ED25519, blob(KEY)))
                .as("check(server:22) when only a comment, a marker line and broken lines name it")
                .isEqualTo(UNKNOWN);
        assertThat(knownHosts.check("other", 22, ED25519, blob(KEY)))
                .as("check(other:22), whose line follows the broken ones")
                .isEqualTo(KNOWN);
    }

    @Test
    void aBrokenHashedNameMatchesNoHost() throws Exception {
        KnownHosts knownHosts = load(
                "|1|onlysalt " + ED25519 + " " + KEY,
                "|1|not*base64|not*base64 " + ED25519 + " " + KEY,
                "|1|a|b|c " + ED25519 + " " + KEY,
                "other " + ED25519 + " " + KEY);

        assertThat(knownHosts.check("server", 22, ED25519, blob(KEY)))
                .as("check(server:22) when only broken hashed names (|1|salt without a hash, not base64, too many"
                        + " fields) could name it")
                .isEqualTo(UNKNOWN);
        assertThat(knownHosts.check("other", 22, ED25519, blob(KEY)))
                .as("check(other:22), whose line follows the broken ones")
                .isEqualTo(KNOWN);
    }

    @Test
    void aMissingFileKnowsNoHost() throws Exception {
        KnownHosts knownHosts = KnownHosts.load(folder.resolve("no_known_hosts"));

        assertThat(knownHosts.check("server", 22, ED25519, blob(KEY)))
                .as("check against a missing file")
                .isEqualTo(UNKNOWN);
    }

    @Test
    void addAppendsAPlainLineThatIsThenKnown() throws Exception {
        Path file = folder.resolve("known_hosts");
        Files.writeString(file, "old " + ED25519 + " " + OTHER_KEY); // no line feed at its end
        KnownHosts knownHosts = KnownHosts.load(file);

        knownHosts.add("127.0.0.1", 2222, ED25519, blob(KEY));

        assertThat(Files.readString(file))
                .as("known_hosts after add(127.0.0.1, 2222, ...)")
                .isEqualTo("old " + ED25519 + " " + OTHER_KEY + "\n[127.0.0.1]:2222 " + ED25519 + " " + KEY + "\n");
        assertThat(knownHosts.check("127.0.0.1", 2222, ED25519, blob(KEY)))
                .as("check after add, on the same KnownHosts")
                .isEqualTo(KNOWN);
        assertThat(KnownHosts.load(file).check("127.0.0.1", 2222, ED25519, blob(KEY)))
                .as("check after add, on the file loaded again")
                .isEqualTo(KNOWN);
    }

    @Test
    void addCreatesAMissingFile() throws Exception {
        Path file = folder.resolve("known_hosts");

        KnownHosts.load(file).add("server", 22, ED25519, blob(KEY));

        assertThat(Files.readString(file))
                .as("a new known_hosts after add(server, 22, ...)")
                .isEqualTo("server " + ED25519 + " " + KEY + "\n");
    }

    @Test
    void addToAnEmptyFileWritesJustTheLine() throws Exception {
        Path file = Files.writeString(folder.resolve("known_hosts"), "");

        KnownHosts.load(file).add("server", 22, ED25519, blob(KEY));

        assertThat(Files.readString(file))
                .as("an empty known_hosts after add(server, 22, ...): no blank line before the new one")
                .isEqualTo("server " + ED25519 + " " + KEY + "\n");
    }

    @Test
    void aBlankHostOrABadPortIsRejected() throws Exception {
        KnownHosts knownHosts = load("server " + ED25519 + " " + KEY);

        assertThatThrownBy(() -> knownHosts.check(" ", 22, ED25519, blob(KEY)))
                .as("check(\" \", 22, ...)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\" \"");
        assertThatThrownBy(() -> knownHosts.add("server", 0, ED25519, blob(KEY)))
                .as("add(server, 0, ...)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
    }
}

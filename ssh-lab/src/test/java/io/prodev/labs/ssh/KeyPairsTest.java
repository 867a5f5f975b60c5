package io.prodev.labs.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import io.prodev.labs.labkit.Task;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("0")
class KeyPairsTest {

    @TempDir
    Path folder;

    @Test
    void anEd25519KeyPairIsWrittenInOpenSshsFormats() throws Exception {
        Path key = folder.resolve("id_ed25519");

        KeyPairs.generate(KeyType.ED25519, key, "alice@laptop", null);

        List<String> privateLines = Files.readAllLines(key);
        assertThat(privateLines.get(0)).as("first line of id_ed25519").isEqualTo("-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(privateLines.get(privateLines.size() - 1))
                .as("last line of id_ed25519")
                .isEqualTo("-----END OPENSSH PRIVATE KEY-----");
        String publicLine = Files.readString(folder.resolve("id_ed25519.pub"));
        assertThat(publicLine)
                .as("id_ed25519.pub: type, base64 blob, comment, one line")
                .matches("ssh-ed25519 [A-Za-z0-9+/]+=* alice@laptop\n");
        List<byte[]> blob = SshWire.fields(SshWire.blobOf(publicLine), 0);
        assertThat(SshWire.text(blob.get(0)))
                .as("the type inside the public key's blob")
                .isEqualTo("ssh-ed25519");
        assertThat(blob.get(1)).as("the ed25519 public key in the blob (bytes)").hasSize(32);
    }

    @Test
    void thePrivateKeyLoadsAndHoldsThePublicKey() throws Exception {
        Path key = folder.resolve("id_ed25519");
        KeyPairs.generate(KeyType.ED25519, key, "alice@laptop", null);

        KeyPair loaded = KeyPair.load(new JSch(), key.toString());

        assertThat(loaded.isEncrypted())
                .as("is the private key written without a passphrase encrypted")
                .isFalse();
        assertThat(loaded.getPublicKeyBlob())
                .as("the public key blob in the private key file, against the one in id_ed25519.pub")
                .isEqualTo(SshWire.blobOfFile(folder.resolve("id_ed25519.pub")));
    }

    @Test
    void theFingerprintIsTheSha256OfThePublicKeyBlob() throws Exception {
        Path key = folder.resolve("id_ed25519");

        GeneratedKey generated = KeyPairs.generate(KeyType.ED25519, key, "alice@laptop", null);

        String expected = SshWire.sha256Fingerprint(SshWire.blobOfFile(folder.resolve("id_ed25519.pub")));
        assertThat(generated.fingerprint()).as("fingerprint()").isEqualTo(expected);
        assertThat(generated.bits()).as("bits() of an ED25519 key").isEqualTo(256);
        assertThat(generated.publicKey()).as("publicKey()").isEqualTo(folder.resolve("id_ed25519.pub"));
        assertThat(generated.fingerprintLine())
                .as("fingerprintLine(), as ssh-keygen -l prints it")
                .isEqualTo("256 " + expected + " alice@laptop (ED25519)");
    }

    @Test
    void anRsaKeyHasTheBitsAskedFor() throws Exception {
        Path key = folder.resolve("id_rsa");

        GeneratedKey generated = KeyPairs.generate(KeyType.RSA, 2048, key, "ops", null);

        byte[] blob = SshWire.blobOfFile(folder.resolve("id_rsa.pub"));
        assertThat(SshWire.text(SshWire.fields(blob, 0).get(0)))
                .as("the type inside id_rsa.pub's blob")
                .isEqualTo("ssh-rsa");
        assertThat(SshWire.rsaModulus(blob).bitLength())
                .as("bits of the RSA modulus in id_rsa.pub, 2048 asked for")
                .isEqualTo(2048);
        assertThat(generated.fingerprintLine())
                .as("fingerprintLine() of the RSA key")
                .isEqualTo("2048 " + SshWire.sha256Fingerprint(blob) + " ops (RSA)");
        assertThat(KeyPair.load(new JSch(), key.toString()).getPublicKeyBlob())
                .as("the public key in the RSA private key file, against id_rsa.pub")
                .isEqualTo(blob);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .as("permissions of the RSA private key file")
                .isEqualTo("rw-------");
    }

    @Test
    void thePrivateKeyIsReadableByItsOwnerOnly() throws Exception {
        Path key = folder.resolve("id_ed25519");

        KeyPairs.generate(KeyType.ED25519, key, "alice@laptop", null);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .as("permissions of the private key file")
                .isEqualTo("rw-------");
    }

    @Test
    void aPassphraseEncryptsThePrivateKey() throws Exception {
        Path key = folder.resolve("id_ed25519");
        KeyPairs.generate(KeyType.ED25519, key, "alice@laptop", "correct horse");

        KeyPair loaded = KeyPair.load(new JSch(), key.toString());

        assertThat(loaded.isEncrypted())
                .as("is a key written with a passphrase encrypted")
                .isTrue();
        assertThat(loaded.decrypt("wrong horse"))
                .as("decrypt with a wrong passphrase")
                .isFalse();
        assertThat(loaded.decrypt("correct horse"))
                .as("decrypt with the passphrase")
                .isTrue();
    }

    @Test
    void anEmptyCommentLeavesTwoFields() throws Exception {
        GeneratedKey generated = KeyPairs.generate(KeyType.ED25519, folder.resolve("k"), "", null);

        assertThat(Files.readString(folder.resolve("k.pub")))
                .as("k.pub with an empty comment: no trailing space")
                .matches("ssh-ed25519 [A-Za-z0-9+/]+=*\n");
        assertThat(generated.fingerprintLine()).as("fingerprintLine()").endsWith(" no comment (ED25519)");
    }

    @Test
    void anExistingKeyIsNeverOverwritten() throws Exception {
        Path key = folder.resolve("id_ed25519");
        Files.writeString(key, "an old key");

        assertThatThrownBy(() -> KeyPairs.generate(KeyType.ED25519, key, "alice@laptop", null))
                .as("generate into id_ed25519 when it exists")
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining(key.toString());
        assertThat(Files.readString(key)).as("id_ed25519 afterwards").isEqualTo("an old key");
        assertThat(folder.resolve("id_ed25519.pub"))
                .as("id_ed25519.pub afterwards")
                .doesNotExist();
    }

    @Test
    void anExistingPublicKeyIsNeverOverwrittenEither() throws Exception {
        Path key = folder.resolve("id_ed25519");
        Files.writeString(folder.resolve("id_ed25519.pub"), "an old public key");

        assertThatThrownBy(() -> KeyPairs.generate(KeyType.ED25519, key, "alice@laptop", null))
                .as("generate into id_ed25519 when id_ed25519.pub exists")
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("id_ed25519.pub");
        assertThat(key).as("id_ed25519 afterwards").doesNotExist();
        assertThat(Files.readString(folder.resolve("id_ed25519.pub")))
                .as("id_ed25519.pub afterwards")
                .isEqualTo("an old public key");
    }

    @Test
    void badSizesCommentsAndPassphrasesAreRejected() {
        Path key = folder.resolve("k");

        assertThatThrownBy(() -> KeyPairs.generate(KeyType.ED25519, 384, key, "c", null))
                .as("an ED25519 key of 384 bits")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("384");
        assertThatThrownBy(() -> KeyPairs.generate(KeyType.RSA, 1024, key, "c", null))
                .as("an RSA key of 1024 bits")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1024");
        assertThatThrownBy(() -> KeyPairs.generate(KeyType.ED25519, key, "two\nlines", null))
                .as("a comment with a line break")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two\\nlines");
        assertThatThrownBy(() -> KeyPairs.generate(KeyType.ED25519, key, "c", "abcd"))
                .as("a passphrase of 4 characters")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4");
        assertThat(folder.resolve("k")).as("the key file after rejected calls").doesNotExist();
    }

    @Test
    void aMissingFolderIsAnErrorNamingIt() {
        Path key = folder.resolve("no-such-folder").resolve("id_ed25519");

        assertThatThrownBy(() -> KeyPairs.generate(KeyType.ED25519, key, "alice@laptop", null))
                .as("generate into a folder that does not exist")
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("no-such-folder");
    }
}

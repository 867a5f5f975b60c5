package io.prodev.labs.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("0")
@Hidden
class KeyPairsHiddenTest {

    @TempDir
    Path folder;

    @Hint("every key pair is new: two generations never give the same key")
    @Test
    void everyKeyIsNew() throws Exception {
        KeyPairs.generate(KeyType.ED25519, folder.resolve("a"), "a", null);
        KeyPairs.generate(KeyType.ED25519, folder.resolve("b"), "b", null);

        assertThat(SshWire.blobOfFile(folder.resolve("a.pub")))
                .as("the public key of a second ED25519 key, against the first")
                .isNotEqualTo(SshWire.blobOfFile(folder.resolve("b.pub")));
    }

    @Hint("a passphrase encrypts the private key the way ssh-keygen does (bcrypt, then a cipher); none leaves it plain")
    @Test
    void anEncryptedKeyNamesItsCipherAndBcrypt() throws Exception {
        KeyPairs.generate(KeyType.ED25519, folder.resolve("locked"), "c", "correct horse");
        KeyPairs.generate(KeyType.ED25519, folder.resolve("plain"), "c", null);
        KeyPairs.generate(KeyType.ED25519, folder.resolve("empty"), "c", "");

        List<String> locked = SshWire.cipherAndKdf(folder.resolve("locked"));
        assertThat(locked.get(0))
                .as("the cipher named in a key written with a passphrase")
                .isNotEqualTo("none");
        assertThat(locked.get(1))
                .as("the key derivation named in a key written with a passphrase")
                .isEqualTo("bcrypt");
        assertThat(SshWire.cipherAndKdf(folder.resolve("plain")))
                .as("cipher and key derivation of a key written with a null passphrase")
                .containsExactly("none", "none");
        assertThat(SshWire.cipherAndKdf(folder.resolve("empty")))
                .as("cipher and key derivation of a key written with an empty passphrase")
                .containsExactly("none", "none");
    }

    @Hint("ssh-keygen's shortest passphrase has 5 characters")
    @Test
    void aPassphraseOfFiveCharactersIsEnough() {
        assertThatCode(() -> KeyPairs.generate(KeyType.ED25519, folder.resolve("k"), "c", "abcde"))
                .as("a passphrase of 5 characters")
                .doesNotThrowAnyException();
    }

    @Hint("the comment ends the public key line as given, spaces and all")
    @Test
    void aCommentWithSpacesIsKeptWhole() throws Exception {
        GeneratedKey generated =
                KeyPairs.generate(KeyType.ED25519, folder.resolve("k"), "deploy key for ci, 2026", null);

        assertThat(Files.readString(folder.resolve("k.pub")))
                .as("k.pub with the comment \"deploy key for ci, 2026\"")
                .endsWith(" deploy key for ci, 2026\n");
        assertThat(generated.comment()).as("comment()").isEqualTo("deploy key for ci, 2026");
    }
}

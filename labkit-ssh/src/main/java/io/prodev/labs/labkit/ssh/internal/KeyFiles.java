package io.prodev.labs.labkit.ssh.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

/** Makes ed25519 key pairs and writes them the way ssh-keygen does. */
public final class KeyFiles {

    private KeyFiles() {}

    /** A new ed25519 key pair (MINA SSHD does ed25519 through Bouncy Castle). */
    public static KeyPair newEd25519() {
        try {
            return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make an ed25519 key; is bcprov-jdk18on on the class path?", e);
        }
    }

    /**
     * Writes {@code keys} to {@code privateKey} (OpenSSH format, no passphrase) and {@code privateKey}.pub. The private
     * key is created readable by its owner only, before any byte is written, since OpenSSH refuses a key others can
     * read; on a file system without POSIX permissions (Windows) it keeps the folder's.
     */
    public static void write(KeyPair keys, Path privateKey, String comment) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(
                    privateKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (OutputStream out = Files.newOutputStream(privateKey)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(
                    keys, comment, (OpenSSHKeyEncryptionContext) null, out);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encode the private key " + privateKey, e);
        }
        try (OutputStream out = Files.newOutputStream(privateKey.resolveSibling(privateKey.getFileName() + ".pub"))) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePublicKey(keys.getPublic(), comment, out);
            out.write('\n'); // MINA ends the line without one; ssh-keygen and cat >> authorized_keys expect it
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encode the public key of " + privateKey, e);
        }
    }
}

package io.prodev.labs.labkit.ssh.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * Logs in the one user with a key from the settings folder's authorized_keys, or with the password in its password
 * file when there is one. Both files are read at every attempt (a login or two per test): a change a test makes
 * takes effect at once, with no cache that a file's coarse modification time could leave stale.
 */
public final class SettingsAuthenticator implements PublickeyAuthenticator, PasswordAuthenticator {

    private final String user;
    private final Path authorizedKeys;
    private final Path passwordFile;

    public SettingsAuthenticator(String user, Path settings) {
        this.user = user;
        this.authorizedKeys = settings.resolve("authorized_keys");
        this.passwordFile = settings.resolve(ServerState.PASSWORD_FILE);
    }

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        if (!user.equals(username) || !Files.exists(authorizedKeys)) {
            return false;
        }
        try {
            for (AuthorizedKeyEntry entry : AuthorizedKeyEntry.readAuthorizedKeys(authorizedKeys)) {
                PublicKey authorized = entry.resolvePublicKey(session, PublicKeyEntryResolver.IGNORING);
                if (authorized != null && KeyUtils.compareKeys(authorized, key)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException unreadable) {
            return false; // a broken line a test wrote refuses the login, as sshd would
        }
    }

    @Override
    public boolean authenticate(String username, String password, ServerSession session) {
        if (!user.equals(username) || !Files.exists(passwordFile)) {
            return false;
        }
        try {
            byte[] expected = Files.readAllBytes(passwordFile);
            return MessageDigest.isEqual(expected, password.getBytes(StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            return false;
        }
    }
}

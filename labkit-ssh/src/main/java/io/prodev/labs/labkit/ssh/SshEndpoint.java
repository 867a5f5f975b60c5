package io.prodev.labs.labkit.ssh;

import io.prodev.labs.labkit.ssh.internal.ServerState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * Where the fixture's SSH server listens and how to log in to it: what an {@link SshTest} test takes as a parameter.
 *
 * @param host       the loopback address it listens on, {@code 127.0.0.1}
 * @param port       its port, a free one chosen at start
 * @param user       the one user name it accepts
 * @param hostKey    the server's ed25519 host key, for strict host key checking
 * @param root       the folder on this machine that SFTP and the commands see as {@code /}; emptied before each test
 * @param clientKey  an ed25519 private key in OpenSSH format, readable by its owner only; its public key, in
 *                   {@link #clientPublicKey()}, is authorized
 * @param settings   the folder holding {@link #authorizedKeys()} and the password file, which the server reads at
 *                   every login, the log of {@link #commandsRun()} and the {@link #corruptChecksums} switch
 * @param password   the password that logs {@code user} in, or null when password login is off (the default)
 */
public record SshEndpoint(
        String host,
        int port,
        String user,
        PublicKey hostKey,
        Path root,
        Path clientKey,
        Path settings,
        String password) {

    public SshEndpoint {
        requireText(host, "host");
        requireText(user, "user");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SSH port must be 1 to 65535, got: " + port);
        }
        Objects.requireNonNull(hostKey, "hostKey");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(settings, "settings");
        if (password != null && password.isEmpty()) {
            throw new IllegalArgumentException("a password must not be empty; pass null to turn password login off");
        }
    }

    /** The client's public key, {@code clientKey} + ".pub", one {@code ssh-ed25519 AAAA... comment} line. */
    public Path clientPublicKey() {
        return clientKey.resolveSibling(clientKey.getFileName() + ".pub");
    }

    /**
     * The server's authorized_keys file. Append a line to let another key in; it is restored to the client key alone
     * before each test.
     */
    public Path authorizedKeys() {
        return settings.resolve("authorized_keys");
    }

    /** The host key as a known_hosts line: {@code [127.0.0.1]:40123 ssh-ed25519 AAAA...}. */
    public String knownHostsLine() {
        String pattern = port == 22 ? host : "[" + host + "]:" + port;
        return pattern + " " + PublicKeyEntry.toString(hostKey);
    }

    /**
     * The command lines of the exec requests the server took since the test began, in order, as the client sent them
     * (quotes and all): what a test checks to see that a command really ran on the server. Emptied before each test.
     *
     * @throws UncheckedIOException when the log cannot be read
     */
    public List<String> commandsRun() {
        try {
            return ServerState.commandsRun(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log of commands in " + settings, e);
        }
    }

    /**
     * A fault switch: while on, the server's {@code sha256sum} reports a wrong hash for every file (the right one with
     * its first byte flipped), as a transfer that damaged the file would show. Off again before each test.
     *
     * @throws UncheckedIOException when the switch cannot be written
     */
    public void corruptChecksums(boolean on) {
        try {
            ServerState.corruptChecksums(settings, on);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the checksum switch in " + settings, e);
        }
    }

    /** The same server with password login on for {@code newPassword}, or off for null. */
    public SshEndpoint withPassword(String newPassword) {
        return new SshEndpoint(host, port, user, hostKey, root, clientKey, settings, newPassword);
    }

    @Override
    public String toString() { // leaves the password out of logs and assertion messages
        return "SshEndpoint[" + user + "@" + host + ":" + port + ", root " + root + ", password login "
                + (password == null ? "off" : "on") + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("SSH " + name + " must not be blank, got: '" + value + "'");
        }
    }
}

package io.prodev.labs.ssh;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where to log in and with what: a user on a host and port, a private key (and its passphrase, if it has one),
 * and the known_hosts file that says which host key the server must show.
 *
 * @param host the server's name or address
 * @param port 1 to 65535 (22 is SSH's)
 * @param user the remote user name
 * @param privateKey the private key file, in OpenSSH's format
 * @param passphrase the key's passphrase, or null for a key without one
 * @param knownHosts the known_hosts file checked strictly: a host whose key is not in it is refused
 */
public record SshTarget(String host, int port, String user, Path privateKey, String passphrase, Path knownHosts) {

    public SshTarget {
        requireText("host", host);
        requireText("user", user);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1 to 65535, got: " + port);
        }
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(knownHosts, "knownHosts");
    }

    /** {@code user@host:port}, as messages name the target. */
    public String address() {
        return user + "@" + host + ":" + port;
    }

    @Override
    public String toString() { // leaves the passphrase out of logs and messages
        return "SshTarget[" + address() + ", key " + privateKey + ", known hosts " + knownHosts + "]";
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    what + " must not be blank, got: " + (value == null ? "null" : "\"" + value + "\""));
        }
    }
}

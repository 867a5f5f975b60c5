package io.prodev.labs.ssh;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.Session;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Objects;

/**
 * Logging in with a key only, to a host whose key is checked strictly against a known_hosts file: the one way every
 * task of this lab opens an SSH session. Every failure becomes an {@link SshFailure} that names what failed.
 */
public final class SshSessions {

    private SshSessions() {}

    /**
     * A JSch holding the target's private key, decrypted with its passphrase, and its known hosts.
     *
     * @throws SshFailure naming the key file, if it is missing or unreadable, not a private key, needs a passphrase
     *     none was given for, or the passphrase is wrong; or naming the known_hosts file, if it cannot be read
     */
    public static JSch withKeyAndKnownHosts(SshTarget target) {
        Objects.requireNonNull(target, "target");
        // BEGIN SOLUTION
        if (!Files.isReadable(target.privateKey())) {
            throw new SshFailure("cannot read the private key " + target.privateKey() + ": missing or unreadable");
        }
        JSch jsch = new JSch();
        try {
            // Decrypted here rather than at login, so a wrong passphrase is reported as one, not as a refused login.
            KeyPair key = KeyPair.load(jsch, target.privateKey().toString());
            try {
                if (key.isEncrypted()) {
                    if (target.passphrase() == null) {
                        throw new SshFailure("the private key " + target.privateKey() + " needs a passphrase");
                    }
                    if (!key.decrypt(target.passphrase())) {
                        throw new SshFailure("wrong passphrase for the private key " + target.privateKey());
                    }
                }
            } finally {
                key.dispose();
            }
            byte[] passphrase =
                    target.passphrase() == null ? null : target.passphrase().getBytes(StandardCharsets.UTF_8);
            jsch.addIdentity(target.privateKey().toString(), passphrase);
        } catch (JSchException e) {
            throw new SshFailure("cannot use the private key " + target.privateKey() + ": " + e.getMessage(), e);
        }
        if (Files.exists(target.knownHosts()) && !Files.isReadable(target.knownHosts())) {
            throw new SshFailure("cannot read the known hosts " + target.knownHosts());
        }
        try {
            if (Files.exists(target.knownHosts())) {
                jsch.setKnownHosts(target.knownHosts().toString());
            } // a missing file knows no host: every host is then refused
        } catch (JSchException e) {
            throw new SshFailure("cannot read the known hosts " + target.knownHosts() + ": " + e.getMessage(), e);
        }
        return jsch;
        // END SOLUTION
    }

    /**
     * Connects to the target and logs in with the key only, checking the host key strictly.
     *
     * @throws SshFailure naming the address: the connection refused, timed out or the host unknown; the host key not
     *     in the known hosts (or not the one recorded); the login refused
     */
    public static Session connect(JSch jsch, SshTarget target, Duration connectTimeout) {
        Objects.requireNonNull(jsch, "jsch");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        // BEGIN SOLUTION
        Session session;
        try {
            session = jsch.getSession(target.user(), target.host(), target.port());
        } catch (JSchException e) {
            throw new SshFailure("cannot reach " + target.address() + ": " + e.getMessage(), e);
        }
        session.setConfig("StrictHostKeyChecking", "yes"); // an unknown or changed host key is refused, never asked
        session.setConfig("PreferredAuthentications", "publickey"); // key-only: never a password
        try {
            session.connect((int) connectTimeout.toMillis());
            return session;
        } catch (JSchException e) {
            session.disconnect();
            throw new SshFailure(describe(e, target, connectTimeout), e);
        }
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private static String describe(JSchException e, SshTarget target, Duration connectTimeout) {
        Throwable cause = e.getCause();
        String message = String.valueOf(e.getMessage());
        String hostPort = target.host() + ":" + target.port();
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return "the connection to " + hostPort + " was refused";
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host: " + target.host();
        }
        if (cause instanceof SocketTimeoutException || message.startsWith("timeout")) {
            return "timed out connecting to " + hostPort + " after " + connectTimeout;
        }
        if (message.startsWith("UnknownHostKey") || message.startsWith("reject HostKey")) {
            return "the host key of " + hostPort + " is not in the known hosts " + target.knownHosts();
        }
        if (message.startsWith("HostKey has been changed")) {
            return "the host key of " + hostPort + " changed: it is not the one in the known hosts "
                    + target.knownHosts();
        }
        if (message.startsWith("Auth fail") || message.startsWith("Auth cancel")) {
            return "the login of " + target.address() + " with the key " + target.privateKey() + " was refused";
        }
        return "SSH to " + target.address() + " failed: " + message;
    }
    // END SOLUTION
}

package io.prodev.labs.labkit.ssh;

import io.prodev.labs.labkit.ssh.internal.FixtureSshServer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Starts the fixture's SSH server outside JUnit, for a lab's demo {@code main}; {@link SshTest} and the grader's
 * {@link SshFixture} start the same one.
 *
 * <pre>{@code
 * try (RunningSsh ssh = SshServers.start()) {
 *     SshEndpoint server = ssh.endpoint();
 *     // connect to server.host():server.port() as server.user() with the key in server.clientKey()
 * }
 * }</pre>
 */
public final class SshServers {

    private SshServers() {}

    /**
     * A new server on a free port of 127.0.0.1: its own ed25519 host key, a fresh client key pair that alone is
     * authorized, password login off, an empty root folder; exec requests answered by commands written in Java
     * (echo, cat, pwd, sleep, exit, sha256sum, env), SFTP, and local port forwarding to loopback addresses.
     *
     * @throws UncheckedIOException when it cannot write its files or bind its port
     */
    public static RunningSsh start() {
        try {
            return FixtureSshServer.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the SSH server: " + e.getMessage(), e);
        }
    }
}

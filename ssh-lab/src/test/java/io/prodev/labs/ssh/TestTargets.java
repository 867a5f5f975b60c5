package io.prodev.labs.ssh;

import io.prodev.labs.labkit.ssh.SshEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** SSH targets for the fixture's server, with a known_hosts file that holds its host key. */
final class TestTargets {

    private TestTargets() {}

    /** The fixture's user, key and server, its host key written to {@code folder/known_hosts}. */
    static SshTarget of(SshEndpoint endpoint, Path folder) {
        Path knownHosts = folder.resolve("known_hosts");
        try {
            Files.writeString(knownHosts, endpoint.knownHostsLine() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SshTarget(endpoint.host(), endpoint.port(), endpoint.user(), endpoint.clientKey(), null, knownHosts);
    }

    static SshTarget withKey(SshTarget target, Path privateKey, String passphrase) {
        return new SshTarget(target.host(), target.port(), target.user(), privateKey, passphrase, target.knownHosts());
    }

    static SshTarget withPort(SshTarget target, int port) {
        return new SshTarget(
                target.host(), port, target.user(), target.privateKey(), target.passphrase(), target.knownHosts());
    }

    static SshTarget withKnownHosts(SshTarget target, Path knownHosts) {
        return new SshTarget(
                target.host(), target.port(), target.user(), target.privateKey(), target.passphrase(), knownHosts);
    }
}

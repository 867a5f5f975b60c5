package io.prodev.labs.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The connection options of {@code exec} (and of the commands that copy files and open tunnels), with OpenSSH's defaults:
 * {@code -i KEY}, {@code --passphrase-env VAR}, {@code -p PORT}, {@code --known-hosts FILE}, {@code --connect-timeout
 * S}. A picocli mixin.
 */
final class ConnectionOptions {

    @Option(names = "-i", paramLabel = "KEY", description = "the private key (default: ~/.ssh/id_ed25519)")
    private Path key;

    @Option(
            names = "--passphrase-env",
            paramLabel = "VAR",
            description = "the environment variable holding the key's passphrase")
    private String passphraseVariable;

    @Option(
            names = "-p",
            paramLabel = "PORT",
            description = "the server's port (default: ${DEFAULT-VALUE})",
            defaultValue = "22")
    private int port;

    @Option(
            names = "--known-hosts",
            paramLabel = "FILE",
            description = "the known_hosts file (default: ~/.ssh/known_hosts)")
    private Path knownHosts;

    @Option(
            names = "--connect-timeout",
            paramLabel = "SECONDS",
            description = "default: ${DEFAULT-VALUE}",
            defaultValue = "10")
    private double connectTimeout;

    /** The target {@code destination} ({@code user@host}, or host for the local user) names with these options. */
    SshTarget target(Map<String, String> environment, String destination) {
        return Targets.from(environment, destination, port, key, passphraseVariable, knownHosts);
    }

    Duration connectTimeout() {
        return seconds("--connect-timeout", connectTimeout);
    }

    static Duration seconds(String option, double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(option + " must be a number of seconds above 0, got: " + seconds);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}

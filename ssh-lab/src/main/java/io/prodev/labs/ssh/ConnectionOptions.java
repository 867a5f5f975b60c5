package io.prodev.labs.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The connection options of {@code exec} (and of the commands that copy files and open tunnels), with OpenSSH's defaults:
 * {@code -i KEY}, {@code --passphrase-env VAR}, {@code -p PORT}, {@code --known-hosts FILE}, {@code --connect-timeout
 * S}, {@code --config FILE}. A picocli mixin.
 */
final class ConnectionOptions {

    @Option(names = "-i", paramLabel = "KEY", description = "the private key (default: ~/.ssh/id_ed25519)")
    private Path key;

    @Option(
            names = "--passphrase-env",
            paramLabel = "VAR",
            description = "the environment variable holding the key's passphrase")
    private String passphraseVariable;

    @Option(names = "-p", paramLabel = "PORT", description = "the server's port (default: 22, or the configuration's)")
    private Integer port;

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

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "an OpenSSH client configuration (Host blocks): DEST is then [user@]alias, resolved as"
                    + " ssh -F FILE does; the options given win over it")
    private Path config;

    /**
     * The target {@code destination} ({@code user@host}, or host for the local user; with {@code --config}, an alias
     * in place of the host) names with these options.
     */
    SshTarget target(Map<String, String> environment, String destination) {
        return config == null
                ? Targets.from(environment, destination, port, key, passphraseVariable, knownHosts)
                : Targets.from(environment, destination, port, key, passphraseVariable, knownHosts, config);
    }

    /** Whether {@code --config} says {@code StrictHostKeyChecking accept-new} for the destination's alias. */
    boolean configAcceptsNew(Map<String, String> environment, String destination) {
        return config != null && Targets.acceptsNew(environment, destination, config);
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

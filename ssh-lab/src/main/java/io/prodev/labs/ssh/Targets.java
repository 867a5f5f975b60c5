package io.prodev.labs.ssh;

import java.nio.file.Path;
import java.util.Map;

/** How the command line turns its options into an {@link SshTarget}, with OpenSSH's defaults for what is not given. */
final class Targets {

    private Targets() {}

    static SshTarget from(
            Map<String, String> environment,
            String destination,
            int port,
            Path key,
            String passphraseVariable,
            Path knownHosts) {
        String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        int at = destination.lastIndexOf('@');
        String user = at < 0
                ? environment.getOrDefault("USER", System.getProperty("user.name"))
                : destination.substring(0, at);
        String host = destination.substring(at + 1);
        String passphrase = null;
        if (passphraseVariable != null) {
            passphrase = environment.get(passphraseVariable);
            if (passphrase == null) {
                throw new IllegalArgumentException(
                        "the environment variable " + passphraseVariable + " (--passphrase-env) is not set");
            }
        }
        return new SshTarget(
                host,
                port,
                user,
                key != null ? key : Path.of(home, ".ssh", "id_ed25519"),
                passphrase,
                knownHosts != null ? knownHosts : Path.of(home, ".ssh", "known_hosts"));
    }
}

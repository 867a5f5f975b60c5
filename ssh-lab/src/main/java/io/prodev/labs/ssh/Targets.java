package io.prodev.labs.ssh;

import com.jcraft.jsch.JSch;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
        String passphrase = passphrase(environment, passphraseVariable);
        return new SshTarget(
                host,
                port,
                user,
                key != null ? key : Path.of(home, ".ssh", "id_ed25519"),
                passphrase,
                knownHosts != null ? knownHosts : Path.of(home, ".ssh", "known_hosts"));
    }

    /**
     * {@code --passphrase-env VAR}: the passphrase in the environment variable VAR (never on the command line, where
     * other users can read it in the process list), or null without the option.
     *
     * @throws IllegalArgumentException naming the variable, if it is not set
     */
    static String passphrase(Map<String, String> environment, String variable) {
        if (variable == null) {
            return null;
        }
        String passphrase = environment.get(variable);
        if (passphrase == null) {
            throw new IllegalArgumentException(
                    "the environment variable " + variable + " (--passphrase-env) is not set");
        }
        return passphrase;
    }

    /**
     * {@code --accept-new}: logs in once with host keys checked by {@link KnownHosts} under
     * {@link HostKeyPolicy#ACCEPT_NEW}, so a server seen for the first time is recorded in the known hosts (a changed
     * key is refused) before the strict login that follows.
     */
    static void recordIfNew(SshTarget target, Duration connectTimeout) {
        JSch jsch = SshSessions.withKeyAndKnownHosts(target);
        try {
            jsch.setHostKeyRepository(
                    new KnownHostsRepository(KnownHosts.load(target.knownHosts()), HostKeyPolicy.ACCEPT_NEW));
        } catch (IOException e) {
            throw new SshFailure("cannot read the known hosts " + target.knownHosts() + ": " + e.getMessage(), e);
        }
        SshSessions.connect(jsch, target, connectTimeout).disconnect();
    }
}

package io.prodev.labs.ssh;

import com.jcraft.jsch.JSch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** How the command line turns its options into an {@link SshTarget}, with OpenSSH's defaults for what is not given. */
final class Targets {

    private Targets() {}

    /**
     * The target {@code destination} ({@code [user@]host}) names, with the options given (null when not given) and,
     * for what they leave open, OpenSSH's defaults: the local user, port 22, {@code ~/.ssh/id_ed25519},
     * {@code ~/.ssh/known_hosts}.
     */
    static SshTarget from(
            Map<String, String> environment,
            String destination,
            Integer port,
            Path key,
            String passphraseVariable,
            Path knownHosts) {
        String home = home(environment);
        int at = destination.lastIndexOf('@');
        return new SshTarget(
                destination.substring(at + 1),
                port != null ? port : SshConfig.DEFAULT_PORT,
                at < 0 ? localUser(environment) : destination.substring(0, at),
                key != null ? key : Path.of(home, ".ssh", "id_ed25519"),
                passphrase(environment, passphraseVariable),
                knownHosts != null ? knownHosts : Path.of(home, ".ssh", "known_hosts"));
    }

    /**
     * The target {@code destination} ({@code [user@]alias}) names in an OpenSSH client configuration, resolved by task
     * 1's {@link SshConfig} as {@code ssh -F config} would: the options given (null when not given) win over the
     * configuration, as they do in ssh. The key is the first of the configuration's identity files that exists (ssh
     * tries them all in turn; this lab logs in with one), or the first one when none does, so the error names it.
     */
    static SshTarget from(
            Map<String, String> environment,
            String destination,
            Integer port,
            Path key,
            String passphraseVariable,
            Path knownHosts,
            Path config) {
        int at = destination.lastIndexOf('@');
        HostSettings settings = resolve(environment, config, destination.substring(at + 1));
        return new SshTarget(
                settings.hostname(),
                port != null ? port : settings.port(),
                at < 0 ? settings.user() : destination.substring(0, at),
                key != null ? key : identityFile(home(environment), settings.identityFiles()),
                passphrase(environment, passphraseVariable),
                knownHosts != null
                        ? knownHosts
                        : Path.of(settings.userKnownHostsFiles().get(0)));
    }

    /** Whether the configuration says {@code StrictHostKeyChecking accept-new} for the alias {@code destination} names. */
    static boolean acceptsNew(Map<String, String> environment, String destination, Path config) {
        String alias = destination.substring(destination.lastIndexOf('@') + 1);
        return resolve(environment, config, alias).strictHostKeyChecking() == StrictHostKeyChecking.ACCEPT_NEW;
    }

    private static HostSettings resolve(Map<String, String> environment, Path config, String alias) {
        SshConfig parsed;
        try {
            parsed = SshConfig.parse(config);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the configuration " + config + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(config + ": " + e.getMessage(), e);
        }
        return parsed.resolve(alias, Path.of(home(environment)), localUser(environment));
    }

    private static Path identityFile(String home, List<String> identityFiles) {
        List<Path> paths = identityFiles.stream()
                .map(file -> file.equals("~") || file.startsWith("~/") ? home + file.substring(1) : file)
                .map(Path::of)
                .toList();
        return paths.stream().filter(Files::exists).findFirst().orElse(paths.get(0));
    }

    private static String home(Map<String, String> environment) {
        return environment.getOrDefault("HOME", System.getProperty("user.home"));
    }

    private static String localUser(Map<String, String> environment) {
        return environment.getOrDefault("USER", System.getProperty("user.name"));
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

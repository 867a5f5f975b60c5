package io.prodev.labs.ssh;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code config}: resolves an alias with {@link SshConfig} and prints its seven settings exactly as
 * {@code ssh -G -F FILE ALIAS} prints them. The local user and {@code ~} come from the environment's USER and
 * HOME (the JVM's user.name and user.home when unset).
 */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Prints the settings ssh -G resolves for ALIAS: user, hostname, port, passwordauthentication,"
                + " stricthostkeychecking, identityfile, userknownhostsfile.")
final class ConfigCommand implements Callable<Integer> {

    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    @Option(names = "--file", paramLabel = "F", description = "the configuration file (default: ~/.ssh/config)")
    private Path file;

    @Parameters(paramLabel = "ALIAS", description = "the host alias, as given to ssh")
    private String alias;

    ConfigCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        Path home = Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")));
        String user = environment.getOrDefault("USER", System.getProperty("user.name"));
        Path config = file != null ? file : home.resolve(".ssh").resolve("config");
        HostSettings settings;
        try {
            settings = SshConfig.parse(config).resolve(alias, home, user);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("no such file: " + config, e);
        } catch (IllegalArgumentException e) {
            // as ssh says it: "FILE line 3: ..."
            throw new IllegalArgumentException(config + " " + e.getMessage(), e);
        }
        settings.sshGLines().forEach(spec.commandLine().getOut()::println);
        return 0;
    }
}

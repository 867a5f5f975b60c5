package io.prodev.labs.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Task;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config command of the lab's command line, on top of task 1. */
@Task("1")
class ConfigCommandTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        Map<String, String> environment = Map.of("HOME", home.toString(), "USER", "alice");
        return SshLab.run(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void printsTheSevenSettingsAsSshGDoes() throws Exception {
        Path config = home.resolve("lab_config");
        Files.writeString(config, """
                Host web-* !web-test
                    HostName %h.Example.com
                    User deploy
                    IdentityFile ~/.ssh/deploy_key
                    StrictHostKeyChecking yes
                Host *
                    Port 2222
                    IdentityFile ~/.ssh/id_ed25519
                    PasswordAuthentication no
                """);

        int status = run("config", "--file", config.toString(), "web-1");

        assertThat(status).as("exit status of config web-1; stderr: %s", err).isZero();
        // What ssh -G -F lab_config web-1 printed for these keywords, with this home folder and user.
        assertThat(out.toString()).as("config --file lab_config web-1").isEqualTo("""
                        user deploy
                        hostname web-1.example.com
                        port 2222
                        passwordauthentication no
                        stricthostkeychecking true
                        identityfile ~/.ssh/deploy_key
                        identityfile ~/.ssh/id_ed25519
                        userknownhostsfile %1$s/.ssh/known_hosts %1$s/.ssh/known_hosts2
                        """.formatted(home));
    }

    @Test
    void readsTildeSshConfigByDefaultAndUserFromTheEnvironment() throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), "Host db\n  Port 2200\n");

        assertThat(run("config", "db"))
                .as("exit status of config db; stderr: %s", err)
                .isZero();
        assertThat(out.toString())
                .as("config db, with Host db in ~/.ssh/config and USER=alice")
                .startsWith("user alice\nhostname db\nport 2200\n");
    }

    @Test
    void aMalformedFileIsOneLineNamingTheFileAndLine() throws Exception {
        Path config = home.resolve("bad_config");
        Files.writeString(config, "Host db\n  Port 70000\n");

        assertThat(run("config", "--file", config.toString(), "db"))
                .as("exit status over a bad port")
                .isEqualTo(1);
        assertThat(err.toString())
                .as("stderr over Port 70000 on line 2")
                .startsWith("config: " + config + " line 2: ")
                .contains("Port 70000")
                .doesNotContain("Exception");
        assertThat(out.toString()).as("stdout over a bad port").isEmpty();
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        Path config = home.resolve("no_such_config");

        assertThat(run("config", "--file", config.toString(), "db"))
                .as("exit status with a missing file")
                .isEqualTo(1);
        assertThat(err.toString()).as("stderr with a missing file").isEqualTo("config: no such file: " + config + "\n");
    }

    @Test
    void aMissingAliasIsAUsageError() {
        assertThat(run("config")).as("exit status of config without an alias").isEqualTo(2);
        assertThat(err.toString()).as("stderr of config without an alias").contains("ALIAS");
    }
}

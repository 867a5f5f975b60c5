package io.prodev.labs.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.Weight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task 1: each rule of ssh_config resolution on a small configuration; ssh -G prints the same for each. */
@Task("1")
class SshConfigTest {

    private static final Path HOME = Path.of("/home/alice");

    private static HostSettings resolve(String config, String alias) {
        return SshConfig.parse(config).resolve(alias, HOME, "alice");
    }

    @Weight(3)
    @Test
    void anAliasNoBlockMatchesGetsTheDefaults() {
        HostSettings settings = resolve("Host other\n  User bob\n  Port 2222\n", "db1");

        assertThat(settings.user())
                .as("user of db1, no block for it: the local user")
                .isEqualTo("alice");
        assertThat(settings.hostname())
                .as("hostname of db1, no HostName: the alias")
                .isEqualTo("db1");
        assertThat(settings.port()).as("port of db1, no Port").isEqualTo(22);
        assertThat(settings.identityFiles())
                .as("identityFiles of db1, no IdentityFile: ssh -G's defaults, ~ kept")
                .isEqualTo(SshConfig.DEFAULT_IDENTITY_FILES);
        assertThat(settings.strictHostKeyChecking())
                .as("strictHostKeyChecking of db1, none set")
                .isEqualTo(StrictHostKeyChecking.ASK);
        assertThat(settings.userKnownHostsFiles())
                .as("userKnownHostsFiles of db1, none set: ~ is the home folder")
                .containsExactly("/home/alice/.ssh/known_hosts", "/home/alice/.ssh/known_hosts2");
        assertThat(settings.passwordAuthentication())
                .as("passwordAuthentication of db1, none set")
                .isTrue();
    }

    @Weight(3)
    @Test
    void aMatchingHostBlockSetsTheSettings() {
        String config = """
                Host db
                    HostName db.internal.example.com
                    User postgres
                    Port 2222
                    IdentityFile ~/.ssh/db_key
                    StrictHostKeyChecking accept-new
                    UserKnownHostsFile /etc/ssh/db_known_hosts
                    PasswordAuthentication no
                """;

        HostSettings settings = resolve(config, "db");

        assertThat(settings)
                .as("resolve(\"db\") of a Host db block setting all seven")
                .isEqualTo(new HostSettings(
                        "db.internal.example.com",
                        "postgres",
                        2222,
                        List.of("~/.ssh/db_key"),
                        StrictHostKeyChecking.ACCEPT_NEW,
                        List.of("/etc/ssh/db_known_hosts"),
                        false));
    }

    @Test
    void keywordsIgnoreCaseAndMayBeFollowedByEquals() {
        HostSettings settings = resolve("host=db\n  USER = postgres\n  port=2222\n  hostName  db.example\n", "db");

        assertThat(settings.user()).as("user from \"USER = postgres\"").isEqualTo("postgres");
        assertThat(settings.port()).as("port from \"port=2222\"").isEqualTo(2222);
        assertThat(settings.hostname())
                .as("hostname from \"hostName  db.example\"")
                .isEqualTo("db.example");
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndQuotesKeepSpaces() {
        String config = "# my servers\n\n   \nHost db # the database\n"
                + "  User \"db admin\"\n  IdentityFile \"~/my keys/db\" # quoted\n";

        HostSettings settings = resolve(config, "db");

        assertThat(settings.user()).as("user from User \"db admin\"").isEqualTo("db admin");
        assertThat(settings.identityFiles())
                .as("identityFiles from IdentityFile \"~/my keys/db\" # quoted")
                .containsExactly("~/my keys/db");
    }

    @Test
    void aStarMatchesAnyRunAndAQuestionMarkOneCharacter() {
        String config = "Host web?\n  User one\nHost *.example.com\n  User star\nHost db*\n  User db\n";

        assertThat(resolve(config, "web1").user())
                .as("user of web1 (Host web?)")
                .isEqualTo("one");
        assertThat(resolve(config, "web12").user())
                .as("user of web12 (Host web? wants one character after web)")
                .isEqualTo("alice");
        assertThat(resolve(config, "db.example.com").user())
                .as("user of db.example.com (Host *.example.com)")
                .isEqualTo("star");
        assertThat(resolve(config, "example.com").user())
                .as("user of example.com (Host *.example.com needs the dot)")
                .isEqualTo("alice");
        assertThat(resolve(config, "db").user())
                .as("user of db (Host db*: * matches no character too)")
                .isEqualTo("db");
    }

    @Test
    void hostMatchingIsCaseSensitive() {
        assertThat(resolve("Host db\n  User postgres\n", "DB").user())
                .as("user of DB with a Host db block")
                .isEqualTo("alice");
    }

    @Test
    void anyPatternOfAHostLineMayMatch() {
        String config = "Host db web cache\n  Port 2222\n";

        assertThat(resolve(config, "web").port())
                .as("port of web (Host db web cache)")
                .isEqualTo(2222);
        assertThat(resolve(config, "cache").port())
                .as("port of cache (Host db web cache)")
                .isEqualTo(2222);
        assertThat(resolve(config, "mail").port())
                .as("port of mail (Host db web cache)")
                .isEqualTo(22);
    }

    @Test
    void aMatchingNegatedPatternExcludesTheLine() {
        String config = "Host web* !web-test\n  User deploy\n";

        assertThat(resolve(config, "web-1").user())
                .as("user of web-1 (Host web* !web-test)")
                .isEqualTo("deploy");
        assertThat(resolve(config, "web-test").user())
                .as("user of web-test (Host web* !web-test): the negation excludes it")
                .isEqualTo("alice");
    }

    @Test
    void aLineOfNegatedPatternsAloneNeverMatches() {
        assertThat(resolve("Host !web*\n  User other\n", "db").user())
                .as("user of db with Host !web* (no plain pattern to match)")
                .isEqualTo("alice");
    }

    @Weight(3)
    @Test
    void theFirstValueFoundWins() {
        String config = """
                Host db
                    User postgres
                    User root
                Host *
                    User nobody
                    Port 2200
                """;

        HostSettings settings = resolve(config, "db");

        assertThat(settings.user())
                .as("user of db: User postgres, then User root, then User nobody in Host *")
                .isEqualTo("postgres");
        assertThat(settings.port()).as("port of db, set only in Host *").isEqualTo(2200);
    }

    @Test
    void linesBeforeTheFirstHostApplyToEveryAlias() {
        String config = "User ops\nHost db\n  User postgres\n";

        assertThat(resolve(config, "web").user())
                .as("user of web, User ops before any Host")
                .isEqualTo("ops");
        assertThat(resolve(config, "db").user())
                .as("user of db: User ops comes first, so it wins")
                .isEqualTo("ops");
    }

    @Test
    void hostNameExpandsPercentHAndIsLowercased() {
        String config = "Host *\n  HostName %h.Example.COM\n";

        assertThat(resolve(config, "Db1").hostname())
                .as("hostname of Db1 with HostName %%h.Example.COM")
                .isEqualTo("db1.example.com");
        assertThat(resolve("Host x\n  HostName 100%%.example\n", "x").hostname())
                .as("hostname of x with HostName 100%%%%.example")
                .isEqualTo("100%.example");
        assertThat(resolve("Host other\n", "Db1").hostname())
                .as("hostname of Db1, no HostName")
                .isEqualTo("db1");
    }

    @Test
    void everyIdentityFileCountsInOrderOnceEach() {
        String config = """
                Host db
                    IdentityFile ~/.ssh/db_key
                Host *
                    IdentityFile ~/.ssh/id_ed25519
                    IdentityFile ~/.ssh/db_key
                """;

        assertThat(resolve(config, "db").identityFiles())
                .as("identityFiles of db: db_key, id_ed25519, then db_key again")
                .containsExactly("~/.ssh/db_key", "~/.ssh/id_ed25519");
        assertThat(resolve(config, "web").identityFiles())
                .as("identityFiles of web, only Host * applies")
                .containsExactly("~/.ssh/id_ed25519", "~/.ssh/db_key");
    }

    @Test
    void userKnownHostsFileExpandsTildeAndTokens() {
        String config = "Host db\n  HostName DB.example\n  UserKnownHostsFile ~/.ssh/kh %d/kh2 /tmp/%u/%h 100%%\n";

        assertThat(resolve(config, "db").userKnownHostsFiles())
                .as("userKnownHostsFiles of ~/.ssh/kh %%d/kh2 /tmp/%%u/%%h 100%%%% (home /home/alice, user alice)")
                .containsExactly("/home/alice/.ssh/kh", "/home/alice/kh2", "/tmp/alice/db.example", "100%");
        assertThat(resolve("UserKnownHostsFile /a\nUserKnownHostsFile /b /c\n", "db")
                        .userKnownHostsFiles())
                .as("userKnownHostsFiles of UserKnownHostsFile /a, then /b /c: the first line wins")
                .containsExactly("/a");
    }

    @Test
    void yesAndNoValuesIgnoreCase() {
        assertThat(resolve("StrictHostKeyChecking YES\n", "x").strictHostKeyChecking())
                .as("StrictHostKeyChecking YES")
                .isEqualTo(StrictHostKeyChecking.YES);
        assertThat(resolve("StrictHostKeyChecking true\n", "x").strictHostKeyChecking())
                .as("StrictHostKeyChecking true")
                .isEqualTo(StrictHostKeyChecking.YES);
        assertThat(resolve("StrictHostKeyChecking off\n", "x").strictHostKeyChecking())
                .as("StrictHostKeyChecking off")
                .isEqualTo(StrictHostKeyChecking.NO);
        assertThat(resolve("StrictHostKeyChecking False\n", "x").strictHostKeyChecking())
                .as("StrictHostKeyChecking False")
                .isEqualTo(StrictHostKeyChecking.NO);
        assertThat(resolve("StrictHostKeyChecking Ask\n", "x").strictHostKeyChecking())
                .as("StrictHostKeyChecking Ask")
                .isEqualTo(StrictHostKeyChecking.ASK);
        assertThat(resolve("PasswordAuthentication No\n", "x").passwordAuthentication())
                .as("PasswordAuthentication No")
                .isFalse();
        assertThat(resolve("PasswordAuthentication false\n", "x").passwordAuthentication())
                .as("PasswordAuthentication false")
                .isFalse();
        assertThat(resolve("PasswordAuthentication TRUE\n", "x").passwordAuthentication())
                .as("PasswordAuthentication TRUE")
                .isTrue();
    }

    @Test
    void matchIsRejectedNamingItsLine() {
        assertThatThrownBy(() -> SshConfig.parse("Host db\n  User postgres\nMatch host db\n  User root\n"))
                .as("parse a file with Match on line 3")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("Match host db");
    }

    @Weight(2)
    @Test
    void aMalformedLineIsAnErrorNamingItsNumberAndText() {
        String[][] cases = {
            {"Host db\n  Prot 2222\n", "line 2", "Prot 2222"},
            {"Host db\n  User\n", "line 2", "User"},
            {"Host db\n  HostName a b\n", "line 2", "HostName a b"},
            {"Host db\n  User \"\"\n", "line 2", "User \"\""},
            {"Host db\n\n  Port 0\n", "line 3", "Port 0"},
            {"Host db\n  Port 65536\n", "line 2", "Port 65536"},
            {"Host db\n  Port 22x\n", "line 2", "Port 22x"},
            {"Host db\n  PasswordAuthentication maybe\n", "line 2", "PasswordAuthentication maybe"},
            {"Host db\n  StrictHostKeyChecking maybe\n", "line 2", "StrictHostKeyChecking maybe"},
            {"Host db\n  User \"postgres\n", "line 2", "User \"postgres"},
            {"Host\n  User postgres\n", "line 1", "Host"},
            {"Host db\n  UserKnownHostsFile\n", "line 2", "UserKnownHostsFile"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> SshConfig.parse(c[0]))
                    .as("parse \"%s\"", c[0].replace("\n", "\\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(c[1])
                    .hasMessageContaining(c[2]);
        }
    }

    @Test
    void aMalformedLineInABlockNoAliasNeedsIsStillAnError() {
        assertThatThrownBy(() -> SshConfig.parse("Host nobody-uses-this\n  Port 70000\n"))
                .as("parse a file whose only block has Port 70000")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("70000");
    }

    @Test
    void aPortFrom1To65535IsFine() {
        assertThat(resolve("Port 1\n", "x").port()).as("Port 1").isEqualTo(1);
        assertThat(resolve("Port 65535\n", "x").port()).as("Port 65535").isEqualTo(65535);
    }

    @Test
    void anUnknownTokenIsAnErrorWhenResolved() {
        SshConfig config = SshConfig.parse("Host db\n  HostName %u.example\n");

        assertThatThrownBy(() -> config.resolve("db", HOME, "alice"))
                .as("resolve db with HostName %%u.example (HostName takes %%h and %%%% only)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("%u")
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> resolve("UserKnownHostsFile /k/%p\n", "db"))
                .as("resolve with UserKnownHostsFile /k/%%p")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("%p");
    }

    @Test
    void aPercentSignAtTheEndIsAnUnknownToken() {
        SshConfig config = SshConfig.parse("Host db\n  HostName db.example%\n");

        assertThatThrownBy(() -> config.resolve("db", HOME, "alice"))
                .as("resolve db with HostName db.example%% (a %% with no token after it)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("%")
                .hasMessageContaining("line 2");
    }

    @Test
    void windowsLineEndsAreFine() {
        assertThat(resolve("Host db\r\n  User postgres\r\n  Port 2222\r\n", "db")
                        .user())
                .as("user of db in a file with \\r\\n line ends")
                .isEqualTo("postgres");
    }

    @Test
    void aFileIsReadAsUtf8(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("config");
        Files.writeString(file, "Host db\n  User jörg\n");

        assertThat(SshConfig.parse(file).resolve("db", HOME, "alice").user())
                .as("user of db from a file with User jörg")
                .isEqualTo("jörg");
    }
}

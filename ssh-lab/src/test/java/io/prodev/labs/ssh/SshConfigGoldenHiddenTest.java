package io.prodev.labs.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.Weight;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Configurations whose {@code ssh -G} output was captured from the real OpenSSH client (OpenSSH_9.2p1 Debian,
 * run as root, home /root, 2026-12), pasted here as data: {@code ssh -G -F cfg ALIAS}, the seven settings'
 * lines kept in ssh's order. For malformed files, the line number ssh's error named. The test never runs ssh.
 */
@Task("1")
@Hidden
@Weight(3)
class SshConfigGoldenHiddenTest {

    private static final Path HOME = Path.of("/root");
    private static final String USER = "root";

    /** One captured case: either ssh -G's lines, or the line its error named. */
    record Golden(String name, String config, String alias, List<String> sshG, int errorLine) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Golden output(String name, String config, String alias, String... sshG) {
        return new Golden(name, config, alias, List.of(sshG), 0);
    }

    static Golden error(String name, String config, String alias, int errorLine) {
        return new Golden(name, config, alias, List.of(), errorLine);
    }

    @Hint("resolve an alias exactly as ssh -G does: patterns, negation, first value wins, %h, ~ and the defaults")
    @ParameterizedTest(name = "{0}")
    @MethodSource("captured")
    void resolvesAsSshGDid(Golden golden) {
        if (golden.errorLine() != 0) {
            assertThatThrownBy(() -> SshConfig.parse(golden.config()).resolve(golden.alias(), HOME, USER))
                    .as(
                            "%s: resolve(\"%s\") of %s, where ssh -G named line %d",
                            golden.name(), golden.alias(), quoted(golden.config()), golden.errorLine())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("line " + golden.errorLine());
            return;
        }
        HostSettings settings = SshConfig.parse(golden.config()).resolve(golden.alias(), HOME, USER);
        assertThat(settings.sshGLines())
                .as("%s: resolve(\"%s\") of %s, against ssh -G", golden.name(), golden.alias(), quoted(golden.config()))
                .containsExactlyElementsOf(golden.sshG());
    }

    private static String quoted(String config) {
        return "\"" + config.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }

    static Stream<Golden> captured() {
        return Stream.of(
                output(
                        "defaults: nothing applies",
                        "",
                        "somealias",
                        "user root",
                        "hostname somealias",
                        "port 22",
                        "passwordauthentication yes",
                        "stricthostkeychecking ask",
                        "identityfile ~/.ssh/id_rsa",
                        "identityfile ~/.ssh/id_ecdsa",
                        "identityfile ~/.ssh/id_ecdsa_sk",
                        "identityfile ~/.ssh/id_ed25519",
                        "identityfile ~/.ssh/id_ed25519_sk",
                        "identityfile ~/.ssh/id_xmss",
                        "identityfile ~/.ssh/id_dsa",
                        "userknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2"),
                output(
                        "defaults for an alias in upper case: hostname lowercased",
                        "Host other\n  User nobody\n",
                        "Web.Example.COM",
                        "user root",
                        "hostname web.example.com",
                        "port 22",
                        "passwordauthentication yes",
                        "stricthostkeychecking ask",
                        "identityfile ~/.ssh/id_rsa",
                        "identityfile ~/.ssh/id_ecdsa",
                        "identityfile ~/.ssh/id_ecdsa_sk",
                        "identityfile ~/.ssh/id_ed25519",
                        "identityfile ~/.ssh/id_ed25519_sk",
                        "identityfile ~/.ssh/id_xmss",
                        "identityfile ~/.ssh/id_dsa",
                        "userknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2"),
                output(
                        "Host matching is case-sensitive",
                        "Host myhost\n  User a\n",
                        "MyHost",
                        "user root",
                        "hostname myhost",
                        "port 22",
                        "passwordauthentication yes",
                        "stricthostkeychecking ask",
                        "identityfile ~/.ssh/id_rsa",
                        "identityfile ~/.ssh/id_ecdsa",
                        "identityfile ~/.ssh/id_ecdsa_sk",
                        "identityfile ~/.ssh/id_ed25519",
                        "identityfile ~/.ssh/id_ed25519_sk",
                        "identityfile ~/.ssh/id_xmss",
                        "identityfile ~/.ssh/id_dsa",
                        "userknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2"),
                output(
                        "%h is the alias as typed, then lowercased",
                        "Host MyHost\n  HostName %h.Example.COM\n  User Alice\n",
                        "MyHost",
                        "user Alice",
                        "hostname myhost.example.com",
                        "port 22",
                        "passwordauthentication yes",
                        "stricthostkeychecking ask",
                        "identityfile ~/.ssh/id_rsa",
                        "identityfile ~/.ssh/id_ecdsa",
                        "identityfile ~/.ssh/id_ecdsa_sk",
                        "identityfile ~/.ssh/id_ed25519",
                        "identityfile ~/.ssh/id_ed25519_sk",
                        "identityfile ~/.ssh/id_xmss",
                        "identityfile ~/.ssh/id_dsa",
                        "userknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2"),
                output(
                        "a negation that matches excludes the line",
                        "Host !web* db* web*\n  User neg\n",
                        "web1",
                        "user root",
                        "hostname web1",
                        "port 22",
                        "passwordauthentication yes",
                        "stricthostkeychecking ask",
                        "identityfile ~/.ssh/id_rsa",
                        "identityfile ~/.ssh/id_ecdsa",
                        "identityfile ~/.ssh/id_ecdsa_sk",
                        "identityfile ~/.ssh/id_ed25519",
                        "identityfile ~/.ssh/id_ed25519_sk",
                        "identityfile ~/.ssh/id_xmss",
                        "identityfile ~/.ssh/id_dsa",
                        "userknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2"),
                output(
                        "a negation that does not match, with a plain pattern that does",
                        "Host !web* db*\n  User neg\n",
                        "db1",
                        "user neg",
                        "hostname db1",
                        "port 22",
                        "passwordauthentication yes",
                        "stricthostkeychecking ask",
                        "identityfile ~/.ssh/id_rsa",
                        "identityfile ~/.ssh/id_ecdsa",
                        "identityfile ~/.ssh/id_ecdsa_sk",
                        "identityfile ~/.ssh/id_ed25519",
                        "identityfile ~/.ssh/id_ed25519_sk",
                        "identityfile ~/.ssh/id_xmss",
                        "identityfile ~/.ssh/id_dsa",
                        "userknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2"),
                output(
                        "a line of negations alone never matches",
                        "Host !web*\n  User onlyneg\n",
                        "db1",
                        "user root",
                        "hostname db1",
                        "port 22",
                        "passwordauthentication yes",
                        "stricthostkeychecking ask",
                        "identityfile ~/.ssh/id_rsa",
                        "identityfile ~/.ssh/id_ecdsa",
                        "identityfile ~/.ssh/id_ecdsa_sk",
                        "identityfile ~/.ssh/id_ed25519",
                        "identityfile ~/.ssh/id_ed25519_sk",
                        "identityfile ~/.ssh/id_xmss",
                        "identityfile ~/.ssh/id_dsa",
                        "userknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2"),
                output(
                        "? is exactly one character",
                        "Host db?\n  User q\nHost db??\n  User qq\n",
                        "db12",
                        "user qq",
                        "hostname db12",
                        "port 22",
                        "passwordauthentication yes",
                        "stricthostkeychecking ask",
                        "identityfile ~/.ssh/id_rsa",
                        "identityfile ~/.ssh/id_ecdsa",
                        "identityfile ~/.ssh/id_ecdsa_sk",
                        "identityfile ~/.ssh/id_ed25519",
                        "identityfile ~/.ssh/id_ed25519_sk",
                        "identityfile ~/.ssh/id_xmss",
                        "identityfile ~/.ssh/id_dsa",
                        "userknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2"),
                output(
                        "* matches an empty run",
                        "Host x *.example.org\n  Port 2022\nHost y*\n  Port 3022\n",
                        "y",
                        "user root",
                        "hostname y",
                        "port 3022",
                        "passwordauthentication yes",
                        "stricthostkeychecking ask",
                        "identityfile ~/.ssh/id_rsa",
                        "identityfile ~/.ssh/id_ecdsa",
                        "identityfile ~/.ssh/id_ecdsa_sk",
                        "identityfile ~/.ssh/id_ed25519",
                        "identityfile ~/.ssh/id_ed25519_sk",
                        "identityfile ~/.ssh/id_xmss",
                        "identityfile ~/.ssh/id_dsa",
                        "userknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2"),
                output(
                        "the first value wins, across blocks",
                        "Host a*\n  User first\n  Port 1000\nHost *\n  User second\n  Port 2000\n  HostName real\n",
                        "abc",
                        "user first",
                        "hostname real",
                        "port 1000",
                        "passwordauthentication yes",
                        "stricthostkeychecking ask",
                        "identityfile ~/.ssh/id_rsa",
                        "identityfile ~/.ssh/id_ecdsa",
                        "identityfile ~/.ssh/id_ecdsa_sk",
                        "identityfile ~/.ssh/id_ed25519",
                        "identityfile ~/.ssh/id_ed25519_sk",
                        "identityfile ~/.ssh/id_xmss",
                        "identityfile ~/.ssh/id_dsa",
                        "userknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2"),
                output(
                        "the first value wins inside a block",
                        "Host x\n  User FIRST\n  User second\n",
                        "x",
                        "user FIRST",
                        "hostname x",
                        "port 22",
                        "passwordauthentication yes",
                        "stricthostkeychecking ask",
                        "identityfile ~/.ssh/id_rsa",
                        "identityfile ~/.ssh/id_ecdsa",
                        "identityfile ~/.ssh/id_ecdsa_sk",
                        "identityfile ~/.ssh/id_ed25519",
                        "identityfile ~/.ssh/id_ed25519_sk",
                        "identityfile ~/.ssh/id_xmss",
                        "identityfile ~/.ssh/id_dsa",
                        "userknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2"),
                output(
                        "lines before the first Host apply to all, = and odd case",
                        "user=eq\nHost x\n  PORT=2200\n  hostname = H.Example\n",
                        "x",
                        "user eq",
                        "hostname h.example",
                        "port 2200",
                        "passwordauthentication yes",
                        "stricthostkeychecking ask",
                        "identityfile ~/.ssh/id_rsa",
                        "identityfile ~/.ssh/id_ecdsa",
                        "identityfile ~/.ssh/id_ecdsa_sk",
                        "identityfile ~/.ssh/id_ed25519",
                        "identityfile ~/.ssh/id_ed25519_sk",
                        "identityfile ~/.ssh/id_xmss",
                        "identityfile ~/.ssh/id_dsa",
                        "userknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2"),
                output(
                        "comments, blank lines, tabs, Host=",
                        "# comment\n\n   \nHost=x # trailing\n\tUser\t=\tt # c\n",
                        "x",
                        "user t",
                        "hostname x",
                        "port 22",
                        "passwordauthentication yes",
                        "stricthostkeychecking ask",
                        "identityfile ~/.ssh/id_rsa",
                        "identityfile ~/.ssh/id_ecdsa",
                        "identityfile ~/.ssh/id_ecdsa_sk",
                        "identityfile ~/.ssh/id_ed25519",
                        "identityfile ~/.ssh/id_ed25519_sk",
                        "identityfile ~/.ssh/id_xmss",
                        "identityfile ~/.ssh/id_dsa",
                        "userknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2"),
                output(
                        "quotes keep spaces",
                        "Host x\n  User \"quoted user\"\n  IdentityFile \"~/my keys/id\"\n",
                        "x",
                        "user quoted user",
                        "hostname x",
                        "port 22",
                        "passwordauthentication yes",
                        "stricthostkeychecking ask",
                        "identityfile ~/my keys/id",
                        "userknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2"),
                output(
                        "IdentityFile adds up, in order, once each, ~ and tokens kept",
                        "Host x\n  IdentityFile ~/a\nHost *\n  IdentityFile ~/a\n  IdentityFile ~/b\n  IdentityFile ~/.ssh/%h\n",
                        "x",
                        "user root",
                        "hostname x",
                        "port 22",
                        "passwordauthentication yes",
                        "stricthostkeychecking ask",
                        "identityfile ~/a",
                        "identityfile ~/b",
                        "identityfile ~/.ssh/%h",
                        "userknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2"),
                output(
                        "UserKnownHostsFile: ~, %d, %u, %h (the resolved host), %%",
                        "Host x\n  UserKnownHostsFile ~/kh %d/kh2 /etc/%u %h 100%%\n  HostName Real.Example\n",
                        "x",
                        "user root",
                        "hostname real.example",
                        "port 22",
                        "passwordauthentication yes",
                        "stricthostkeychecking ask",
                        "identityfile ~/.ssh/id_rsa",
                        "identityfile ~/.ssh/id_ecdsa",
                        "identityfile ~/.ssh/id_ecdsa_sk",
                        "identityfile ~/.ssh/id_ed25519",
                        "identityfile ~/.ssh/id_ed25519_sk",
                        "identityfile ~/.ssh/id_xmss",
                        "identityfile ~/.ssh/id_dsa",
                        "userknownhostsfile /root/kh /root/kh2 /etc/root real.example 100%"),
                output(
                        "UserKnownHostsFile: the first line wins, none is kept",
                        "Host x\n  UserKnownHostsFile none\nHost *\n  UserKnownHostsFile /other\n",
                        "x",
                        "user root",
                        "hostname x",
                        "port 22",
                        "passwordauthentication yes",
                        "stricthostkeychecking ask",
                        "identityfile ~/.ssh/id_rsa",
                        "identityfile ~/.ssh/id_ecdsa",
                        "identityfile ~/.ssh/id_ecdsa_sk",
                        "identityfile ~/.ssh/id_ed25519",
                        "identityfile ~/.ssh/id_ed25519_sk",
                        "identityfile ~/.ssh/id_xmss",
                        "identityfile ~/.ssh/id_dsa",
                        "userknownhostsfile none"),
                output(
                        "yes/no in any case; StrictHostKeyChecking yes prints true",
                        "Host x\n  StrictHostKeyChecking YES\n  PasswordAuthentication No\n",
                        "x",
                        "user root",
                        "hostname x",
                        "port 22",
                        "passwordauthentication no",
                        "stricthostkeychecking true",
                        "identityfile ~/.ssh/id_rsa",
                        "identityfile ~/.ssh/id_ecdsa",
                        "identityfile ~/.ssh/id_ecdsa_sk",
                        "identityfile ~/.ssh/id_ed25519",
                        "identityfile ~/.ssh/id_ed25519_sk",
                        "identityfile ~/.ssh/id_xmss",
                        "identityfile ~/.ssh/id_dsa",
                        "userknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2"),
                output(
                        "StrictHostKeyChecking off is false; PasswordAuthentication true is yes",
                        "Host x\n  StrictHostKeyChecking off\n  PasswordAuthentication true\n",
                        "x",
                        "user root",
                        "hostname x",
                        "port 22",
                        "passwordauthentication yes",
                        "stricthostkeychecking false",
                        "identityfile ~/.ssh/id_rsa",
                        "identityfile ~/.ssh/id_ecdsa",
                        "identityfile ~/.ssh/id_ecdsa_sk",
                        "identityfile ~/.ssh/id_ed25519",
                        "identityfile ~/.ssh/id_ed25519_sk",
                        "identityfile ~/.ssh/id_xmss",
                        "identityfile ~/.ssh/id_dsa",
                        "userknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2"),
                output(
                        "StrictHostKeyChecking accept-new",
                        "Host x\n  StrictHostKeyChecking accept-new\n",
                        "x",
                        "user root",
                        "hostname x",
                        "port 22",
                        "passwordauthentication yes",
                        "stricthostkeychecking accept-new",
                        "identityfile ~/.ssh/id_rsa",
                        "identityfile ~/.ssh/id_ecdsa",
                        "identityfile ~/.ssh/id_ecdsa_sk",
                        "identityfile ~/.ssh/id_ed25519",
                        "identityfile ~/.ssh/id_ed25519_sk",
                        "identityfile ~/.ssh/id_xmss",
                        "identityfile ~/.ssh/id_dsa",
                        "userknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2"),
                output(
                        "%h in a Host * block; a later HostName loses",
                        "Host *\n  HostName %h.corp\nHost db\n  HostName other\n",
                        "db",
                        "user root",
                        "hostname db.corp",
                        "port 22",
                        "passwordauthentication yes",
                        "stricthostkeychecking ask",
                        "identityfile ~/.ssh/id_rsa",
                        "identityfile ~/.ssh/id_ecdsa",
                        "identityfile ~/.ssh/id_ecdsa_sk",
                        "identityfile ~/.ssh/id_ed25519",
                        "identityfile ~/.ssh/id_ed25519_sk",
                        "identityfile ~/.ssh/id_xmss",
                        "identityfile ~/.ssh/id_dsa",
                        "userknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2"),
                output(
                        "Windows line ends",
                        "Host x\r\n  User crlf\r\n  Port 65535\r\n",
                        "x",
                        "user crlf",
                        "hostname x",
                        "port 65535",
                        "passwordauthentication yes",
                        "stricthostkeychecking ask",
                        "identityfile ~/.ssh/id_rsa",
                        "identityfile ~/.ssh/id_ecdsa",
                        "identityfile ~/.ssh/id_ecdsa_sk",
                        "identityfile ~/.ssh/id_ed25519",
                        "identityfile ~/.ssh/id_ed25519_sk",
                        "identityfile ~/.ssh/id_xmss",
                        "identityfile ~/.ssh/id_dsa",
                        "userknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2"),
                error("a port of 0", "Host x\n  Port 0\n", "x", 2),
                error("a port over 65535 in a block that does not apply", "Host other\n\n  Port 65536\n", "x", 3),
                error("a port that is not a number", "Host x\n  Port 2222x\n", "x", 2),
                error("a keyword without a value", "Host x\n  User u\n  IdentityFile\n", "x", 3),
                error("an unknown keyword", "Host x\n  User u\n  Prot 2222\n", "x", 3),
                error("Host without patterns", "Host\n  User a\n", "x", 1),
                error("two values for a one-value keyword", "Host x\n  HostName a b\n", "x", 2),
                error("an empty quoted value", "Host x\n  User \"\"\n", "x", 2),
                error("an unclosed quote", "Host x\n  User \"unterminated\n", "x", 2),
                error("StrictHostKeyChecking maybe", "# first\nHost x\n  StrictHostKeyChecking maybe\n", "x", 3),
                error("PasswordAuthentication ask", "Host x\n  PasswordAuthentication ask\n", "x", 2));
    }
}

package io.prodev.labs.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Random configurations from a seed against a simple model: each Host line's patterns turned into regular
 * expressions, a matching negation excluding the line, a line of negations alone never matching, the first User
 * and Port winning, every IdentityFile counting once.
 */
@Task("1")
@Hidden
class SshConfigModelHiddenTest {

    private static final String[] ALIASES = {"a", "b", "ab", "ba", "aa", "abb", "bab", "aab", ""};

    @Hint("a Host line applies when one plain pattern matches and no negated one does; * is any run, ? one character")
    @Test
    void randomConfigsResolveAsTheModelSays() {
        Random random = new Random(20261202);
        for (int round = 0; round < 400; round++) {
            StringBuilder config = new StringBuilder();
            List<List<String>> lines = new ArrayList<>();
            int blocks = 1 + random.nextInt(5);
            for (int block = 0; block < blocks; block++) {
                List<String> patterns = new ArrayList<>();
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    patterns.add((random.nextInt(4) == 0 ? "!" : "") + randomPattern(random));
                }
                lines.add(patterns);
                config.append("Host ").append(String.join(" ", patterns)).append('\n');
                if (random.nextBoolean()) {
                    config.append("  User u").append(block).append('\n');
                }
                if (random.nextBoolean()) {
                    config.append("  Port ").append(1000 + block).append('\n');
                }
                config.append("  IdentityFile ~/k").append(random.nextInt(3)).append('\n');
            }
            SshConfig parsed = SshConfig.parse(config.toString());
            for (String alias : ALIASES) {
                if (alias.isEmpty()) {
                    alias = "a" + randomPattern(random).replace("*", "b").replace("?", "a");
                }
                HostSettings settings = parsed.resolve(alias, Path.of("/home/me"), "me");
                assertThat(settings.sshGLines())
                        .as("resolve(\"%s\") of:\n%s", alias, config)
                        .containsExactlyElementsOf(model(config.toString(), lines, alias));
            }
        }
    }

    private static String randomPattern(Random random) {
        String symbols = "ab*?";
        StringBuilder pattern = new StringBuilder();
        int length = 1 + random.nextInt(3);
        for (int i = 0; i < length; i++) {
            pattern.append(symbols.charAt(random.nextInt(symbols.length())));
        }
        return pattern.toString();
    }

    /** What ssh -G prints, worked out line by line with regular expressions. */
    private static List<String> model(String config, List<List<String>> hostLines, String alias) {
        String user = null;
        String port = null;
        List<String> identityFiles = new ArrayList<>();
        int block = -1;
        boolean applies = false;
        for (String line : config.split("\n")) {
            String[] words = line.trim().split(" ");
            if (words[0].equals("Host")) {
                block++;
                applies = applies(hostLines.get(block), alias);
            } else if (applies && words[0].equals("User") && user == null) {
                user = words[1];
            } else if (applies && words[0].equals("Port") && port == null) {
                port = words[1];
            } else if (applies && words[0].equals("IdentityFile") && !identityFiles.contains(words[1])) {
                identityFiles.add(words[1]);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("user " + (user == null ? "me" : user));
        lines.add("hostname " + alias);
        lines.add("port " + (port == null ? "22" : port));
        lines.add("passwordauthentication yes");
        lines.add("stricthostkeychecking ask");
        (identityFiles.isEmpty() ? SshConfig.DEFAULT_IDENTITY_FILES : identityFiles)
                .forEach(file -> lines.add("identityfile " + file));
        lines.add("userknownhostsfile /home/me/.ssh/known_hosts /home/me/.ssh/known_hosts2");
        return lines;
    }

    private static boolean applies(List<String> patterns, String alias) {
        boolean positive = false;
        for (String pattern : patterns) {
            boolean negated = pattern.startsWith("!");
            String glob = negated ? pattern.substring(1) : pattern;
            String regex = glob.chars()
                    .mapToObj(c -> c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf((char) c)))
                    .reduce("", String::concat);
            if (alias.matches(regex)) {
                if (negated) {
                    return false;
                }
                positive = true;
            }
        }
        return positive;
    }
}

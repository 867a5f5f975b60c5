package io.prodev.labs.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An OpenSSH client configuration ({@code ~/.ssh/config}, {@code ssh_config(5)}): {@code Host} blocks and the
 * settings in them, resolved for one alias the way {@code ssh -G} does.
 *
 * <p>The lab reads these keywords, in any letter case: {@code Host}, {@code HostName}, {@code User}, {@code Port},
 * {@code IdentityFile}, {@code PasswordAuthentication}, {@code StrictHostKeyChecking} and
 * {@code UserKnownHostsFile}. Any other keyword, {@code Match} included, is an error, as an unknown one is for
 * OpenSSH.
 */
public final class SshConfig {

    /** The identity files {@code ssh -G} lists when no IdentityFile applies (OpenSSH 9.2, as installed here). */
    public static final List<String> DEFAULT_IDENTITY_FILES = List.of(
            "~/.ssh/id_rsa",
            "~/.ssh/id_ecdsa",
            "~/.ssh/id_ecdsa_sk",
            "~/.ssh/id_ed25519",
            "~/.ssh/id_ed25519_sk",
            "~/.ssh/id_xmss",
            "~/.ssh/id_dsa");

    /** The known hosts files when no UserKnownHostsFile applies, before {@code ~} is expanded. */
    public static final List<String> DEFAULT_USER_KNOWN_HOSTS_FILES =
            List.of("~/.ssh/known_hosts", "~/.ssh/known_hosts2");

    /** The port when no Port applies. */
    public static final int DEFAULT_PORT = 22;

    // BEGIN SOLUTION: remove
    /** The Host blocks in file order; the first holds the lines before any Host line and matches every alias. */
    private final List<Block> blocks = new ArrayList<>();

    /** One Host line and the settings under it. */
    private record Block(List<String> patterns, List<Setting> settings) {}

    /** One setting line: its keyword in lower case, its values, and where it was, for error messages. */
    private record Setting(String keyword, List<String> values, int lineNumber, String line) {
        String value() {
            return values.get(0);
        }
    }
    // END SOLUTION

    private SshConfig() {}

    /** Parses the file at {@code file} (UTF-8); see {@link #parse(String)}. */
    public static SshConfig parse(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /**
     * Parses a configuration. Every line is checked, in every block, whether or not a later {@link #resolve}
     * needs it.
     *
     * @param text the configuration, lines separated by {@code \n} or {@code \r\n}
     * @throws IllegalArgumentException naming the line number and the line: an unknown keyword, {@code Match}, a
     *     keyword without a value or with too many, a port that is not a number from 1 to 65535, a yes/no value
     *     that is neither, an unclosed quote
     */
    public static SshConfig parse(String text) {
        Objects.requireNonNull(text, "text");
        // BEGIN SOLUTION
        SshConfig config = new SshConfig();
        Block current = new Block(List.of("*"), new ArrayList<>());
        config.blocks.add(current);
        List<String> lines = text.lines().toList(); // \n, \r\n or \r
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = lines.get(i);
            List<String> words = words(line, lineNumber);
            if (words.isEmpty()) {
                continue; // a blank line or a comment
            }
            String keyword = words.get(0).toLowerCase(Locale.ROOT);
            List<String> values = List.copyOf(words.subList(1, words.size()));
            if (values.contains("")) {
                throw error(lineNumber, line, "an empty value");
            }
            switch (keyword) {
                case "host" -> {
                    if (values.isEmpty()) {
                        throw error(lineNumber, line, "Host needs at least one pattern");
                    }
                    current = new Block(values, new ArrayList<>());
                    config.blocks.add(current);
                }
                case "match" -> throw error(lineNumber, line, "Match is not supported, only Host blocks");
                default -> current.settings().add(checked(new Setting(keyword, values, lineNumber, line)));
            }
        }
        return config;
        // END SOLUTION
    }

    /**
     * The settings {@code ssh -G} works out for {@code alias}, for a local user {@code localUser} whose home
     * folder is {@code home}.
     *
     * <p>The Host blocks whose patterns match the alias apply, in file order; lines before the first Host line
     * apply to every alias. For each keyword the first value found wins, except IdentityFile, where every value
     * counts, in order, each once.
     *
     * @throws IllegalArgumentException naming the line number and the line: a token {@code %x} the keyword does
     *     not take (HostName takes {@code %h} and {@code %%}; UserKnownHostsFile {@code %d}, {@code %u},
     *     {@code %h} and {@code %%})
     */
    public HostSettings resolve(String alias, Path home, String localUser) {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(localUser, "localUser");
        // BEGIN SOLUTION
        Map<String, Setting> first = new HashMap<>();
        List<String> identityFiles = new ArrayList<>();
        for (Block block : blocks) {
            if (!hostLineMatches(block.patterns(), alias)) {
                continue;
            }
            for (Setting setting : block.settings()) {
                if (setting.keyword().equals("identityfile")) {
                    if (!identityFiles.contains(setting.value())) {
                        identityFiles.add(setting.value());
                    }
                } else {
                    first.putIfAbsent(setting.keyword(), setting);
                }
            }
        }

        Setting hostnameSetting = first.get("hostname");
        String hostname =
                hostnameSetting == null ? alias : expand(hostnameSetting, hostnameSetting.value(), Map.of('h', alias));
        hostname = hostname.toLowerCase(Locale.ROOT);

        Setting user = first.get("user");
        Setting port = first.get("port");
        Setting checking = first.get("stricthostkeychecking");
        Setting password = first.get("passwordauthentication");

        Setting knownHosts = first.get("userknownhostsfile");
        List<String> knownHostsFiles = new ArrayList<>();
        Map<Character, String> tokens = Map.of('d', home.toString(), 'u', localUser, 'h', hostname);
        for (String file : knownHosts == null ? DEFAULT_USER_KNOWN_HOSTS_FILES : knownHosts.values()) {
            knownHostsFiles.add(expand(knownHosts, tilde(file, home), tokens));
        }

        return new HostSettings(
                hostname,
                user == null ? localUser : user.value(),
                port == null ? DEFAULT_PORT : Integer.parseInt(port.value()),
                identityFiles.isEmpty() ? DEFAULT_IDENTITY_FILES : identityFiles,
                checking == null ? StrictHostKeyChecking.ASK : strictHostKeyChecking(checking.value()),
                knownHostsFiles,
                password == null || yes(password.value()));
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    /**
     * The words of a line: the keyword (ended by white space or {@code =}), then the values, separated by white
     * space; double quotes group a value with spaces; a word starting with {@code #} starts a comment.
     */
    private static List<String> words(String line, int lineNumber) {
        String rest = line.strip();
        List<String> words = new ArrayList<>();
        if (rest.isEmpty() || rest.startsWith("#")) {
            return words;
        }
        int end = 0;
        while (end < rest.length() && !Character.isWhitespace(rest.charAt(end)) && rest.charAt(end) != '=') {
            end++;
        }
        words.add(rest.substring(0, end));
        rest = rest.substring(end).stripLeading();
        if (rest.startsWith("=")) {
            rest = rest.substring(1);
        }

        StringBuilder word = null;
        boolean quoted = false;
        for (char c : rest.toCharArray()) {
            if (quoted) {
                if (c == '"') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                break; // a comment to the end of the line
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                if (c == '"') {
                    quoted = true;
                } else {
                    word.append(c);
                }
            }
        }
        if (quoted) {
            throw error(lineNumber, line, "a quote is not closed");
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** The setting, once its keyword is known and its values fit it. */
    private static Setting checked(Setting setting) {
        String keyword = setting.keyword();
        int count = setting.values().size();
        switch (keyword) {
            case "hostname", "user", "port", "identityfile", "passwordauthentication", "stricthostkeychecking" -> {
                if (count != 1) {
                    throw error(setting, keyword + " takes one value, got " + count);
                }
            }
            case "userknownhostsfile" -> {
                if (count == 0) {
                    throw error(setting, keyword + " takes one value or more, got none");
                }
            }
            default -> throw error(setting, "unknown keyword " + keyword);
        }
        String value = setting.values().get(0);
        switch (keyword) {
            case "port" -> {
                if (!value.matches("[0-9]{1,5}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 65535) {
                    throw error(setting, "a port is a number from 1 to 65535, got " + value);
                }
            }
            case "passwordauthentication" -> {
                if (!List.of("yes", "true", "no", "false").contains(value.toLowerCase(Locale.ROOT))) {
                    throw error(setting, keyword + " is yes or no, got " + value);
                }
            }
            case "stricthostkeychecking" -> {
                if (strictHostKeyChecking(value) == null) {
                    throw error(setting, keyword + " is yes, no, ask or accept-new, got " + value);
                }
            }
            default -> {}
        }
        return setting;
    }

    private static boolean yes(String value) {
        return value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true");
    }

    /** The policy a StrictHostKeyChecking value names, or null if it names none. */
    private static StrictHostKeyChecking strictHostKeyChecking(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> StrictHostKeyChecking.YES;
            case "no", "false", "off" -> StrictHostKeyChecking.NO;
            case "ask" -> StrictHostKeyChecking.ASK;
            case "accept-new" -> StrictHostKeyChecking.ACCEPT_NEW;
            default -> null;
        };
    }

    /**
     * Whether a Host line applies: a negated pattern ({@code !web*}) that matches excludes it; otherwise one
     * plain pattern must match. A line of negated patterns alone never applies.
     */
    private static boolean hostLineMatches(List<String> patterns, String alias) {
        boolean matched = false;
        for (String pattern : patterns) {
            if (pattern.startsWith("!")) {
                if (glob(pattern.substring(1), alias, 0, 0)) {
                    return false;
                }
            } else if (glob(pattern, alias, 0, 0)) {
                matched = true;
            }
        }
        return matched;
    }

    /** Whether {@code text} from {@code t} matches {@code pattern} from {@code p}: {@code *} any run, {@code ?} one. */
    private static boolean glob(String pattern, String text, int p, int t) {
        if (p == pattern.length()) {
            return t == text.length();
        }
        char c = pattern.charAt(p);
        if (c == '*') {
            for (int skip = t; skip <= text.length(); skip++) {
                if (glob(pattern, text, p + 1, skip)) {
                    return true;
                }
            }
            return false;
        }
        return t < text.length() && (c == '?' || c == text.charAt(t)) && glob(pattern, text, p + 1, t + 1);
    }

    /** {@code ~} alone or before a slash is the home folder. */
    private static String tilde(String file, Path home) {
        if (file.equals("~") || file.startsWith("~/")) {
            return home + "/" + file.substring(Math.min(2, file.length()));
        }
        return file;
    }

    /** Replaces each {@code %x} of {@code value} with {@code tokens.get(x)}, and {@code %%} with {@code %}. */
    private static String expand(Setting setting, String value, Map<Character, String> tokens) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            char token = i + 1 < value.length() ? value.charAt(++i) : ' ';
            if (token == '%') {
                out.append('%');
            } else if (tokens.containsKey(token)) {
                out.append(tokens.get(token));
            } else {
                String shown = token == ' ' ? "%" : "%" + token;
                throw error(setting, "unknown token " + shown + " in " + setting.keyword());
            }
        }
        return out.toString();
    }

    private static IllegalArgumentException error(Setting setting, String problem) {
        return error(setting.lineNumber(), setting.line(), problem);
    }

    private static IllegalArgumentException error(int lineNumber, String line, String problem) {
        return new IllegalArgumentException("line " + lineNumber + ": " + problem + ": " + line.strip());
    }
    // END SOLUTION
}

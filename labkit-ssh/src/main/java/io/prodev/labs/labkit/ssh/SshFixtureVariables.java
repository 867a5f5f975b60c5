package io.prodev.labs.labkit.ssh;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * The environment variables that point tests at a running SSH server (one {@link SshFixture} started), and the
 * {@link SshEndpoint} they describe. Pure both ways, so the rule the extension follows is unit-tested.
 */
public final class SshFixtureVariables {

    /** The address the server listens on, {@code 127.0.0.1}. */
    public static final String HOST = "SSH_FIXTURE_HOST";
    /** Its port. */
    public static final String PORT = "SSH_FIXTURE_PORT";
    /** The user name it accepts. */
    public static final String USER = "SSH_FIXTURE_USER";
    /** Its host key as a known_hosts line: {@code [127.0.0.1]:PORT ssh-ed25519 AAAA...}. */
    public static final String HOST_KEY = "SSH_FIXTURE_HOST_KEY";
    /** The path of the authorized client private key; its public key is the same path + ".pub". */
    public static final String KEY = "SSH_FIXTURE_KEY";
    /** The folder SFTP and the commands see as {@code /}. */
    public static final String ROOT = "SSH_FIXTURE_ROOT";
    /** The folder holding authorized_keys and the password file. */
    public static final String SETTINGS = "SSH_FIXTURE_SETTINGS";

    private static final List<String> ALL = List.of(HOST, PORT, USER, HOST_KEY, KEY, ROOT, SETTINGS);

    private SshFixtureVariables() {}

    /** The variables for {@code endpoint}; its password is left out, since a reset turns password login off. */
    public static Map<String, String> toEnvironment(SshEndpoint endpoint) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(HOST, endpoint.host());
        variables.put(PORT, Integer.toString(endpoint.port()));
        variables.put(USER, endpoint.user());
        variables.put(HOST_KEY, endpoint.knownHostsLine());
        variables.put(KEY, endpoint.clientKey().toString());
        variables.put(ROOT, endpoint.root().toString());
        variables.put(SETTINGS, endpoint.settings().toString());
        return variables;
    }

    /**
     * The server {@code environment} names, or empty when it names none.
     *
     * @throws IllegalArgumentException when only some of the variables are set, naming the missing ones, or one has
     *     a value that cannot be right, naming it
     */
    public static Optional<SshEndpoint> fromEnvironment(Map<String, String> environment) {
        List<String> missing = new ArrayList<>();
        for (String name : ALL) {
            String value = environment.get(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        if (missing.size() == ALL.size()) {
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the SSH fixture needs all of " + String.join(", ", ALL)
                    + "; these are not set: " + String.join(", ", missing));
        }
        return Optional.of(new SshEndpoint(
                environment.get(HOST).trim(),
                port(environment.get(PORT).trim()),
                environment.get(USER).trim(),
                hostKey(environment.get(HOST_KEY).trim()),
                Path.of(environment.get(ROOT).trim()),
                Path.of(environment.get(KEY).trim()),
                Path.of(environment.get(SETTINGS).trim()),
                null));
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PORT + " must be a port number, got: '" + value + "'", e);
        }
    }

    /** The key of a known_hosts line: the words after the host pattern. */
    private static PublicKey hostKey(String line) {
        String[] patternAndKey = line.split("\\s+", 2);
        try {
            if (patternAndKey.length < 2) {
                throw new IllegalArgumentException("no key after the host pattern");
            }
            PublicKey key = PublicKeyEntry.parsePublicKeyEntry(patternAndKey[1])
                    .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
            if (key == null) {
                throw new IllegalArgumentException("unknown key type");
            }
            return key;
        } catch (Exception e) {
            throw new IllegalArgumentException(
                    HOST_KEY + " must be a known_hosts line such as '[127.0.0.1]:2222 ssh-ed25519 AAAA...', got: '"
                            + line + "' (" + e.getMessage() + ")",
                    e);
        }
    }
}

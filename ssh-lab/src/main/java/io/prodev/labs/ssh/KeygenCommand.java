package io.prodev.labs.ssh;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keygen}: writes a key pair with {@link KeyPairs} and prints its fingerprint line as ssh-keygen -l does. */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        description = "Generates a key pair: PATH (private, OpenSSH format, owner-only) and PATH.pub.")
final class KeygenCommand implements Callable<Integer> {

    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    @Option(names = "--type", description = "ed25519 or rsa (default: ${DEFAULT-VALUE})", defaultValue = "ed25519")
    private String type;

    @Option(names = "--bits", description = "the key size (ed25519: 256; rsa: 2048 to 16384, default 4096)")
    private Integer bits;

    @Option(names = "--comment", description = "the public key's comment (default: user@host)")
    private String comment;

    @Option(
            names = "--passphrase-env",
            paramLabel = "VAR",
            description = "encrypt the private key with the passphrase in this environment variable")
    private String passphraseVariable;

    @Option(names = "--out", paramLabel = "PATH", required = true, description = "the private key file to write")
    private Path out;

    KeygenCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        KeyType keyType = parseType(type);
        String passphrase = Targets.passphrase(environment, passphraseVariable);
        GeneratedKey key;
        try {
            key = KeyPairs.generate(
                    keyType,
                    bits == null ? keyType.defaultBits() : bits,
                    out,
                    comment == null ? defaultComment() : comment,
                    passphrase);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException(e.getFile() + " already exists: a key is never overwritten", e);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(
                    "no such folder: " + out.toAbsolutePath().getParent(), e);
        }
        spec.commandLine().getOut().println(key.fingerprintLine());
        return 0;
    }

    private static KeyType parseType(String name) {
        return switch (name) {
            case "ed25519" -> KeyType.ED25519;
            case "rsa" -> KeyType.RSA;
            default -> throw new IllegalArgumentException("--type must be ed25519 or rsa, got: " + name);
        };
    }

    /** What ssh-keygen writes when no comment is given: user@host. */
    private String defaultComment() {
        String user = environment.getOrDefault("USER", System.getProperty("user.name"));
        try {
            return user + "@" + InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return user;
        }
    }
}

package io.prodev.labs.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The demo: generates an ED25519 and an RSA key pair (the RSA one with a passphrase) in a temporary folder, as
 * ssh-keygen would, prints what OpenSSH would print for them, and removes the folder. The tasks that connect to a
 * server join it as they land.
 *
 * <p>Run it with {@code ./mvnw -q -pl ssh-lab compile exec:java}.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws IOException {
        Path folder = Files.createTempDirectory("ssh-lab-demo");
        try {
            GeneratedKey ed25519 =
                    KeyPairs.generate(KeyType.ED25519, folder.resolve("id_ed25519"), "demo@ssh-lab", null);
            GeneratedKey rsa =
                    KeyPairs.generate(KeyType.RSA, folder.resolve("id_rsa"), "demo@ssh-lab", "demo passphrase");
            for (GeneratedKey key : new GeneratedKey[] {ed25519, rsa}) {
                System.out.println(key.privateKey().getFileName() + " "
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(key.privateKey())));
                System.out.println("  ssh-keygen -l: " + key.fingerprintLine());
                String line = Files.readString(key.publicKey()).trim();
                System.out.println("  " + key.publicKey().getFileName() + ": " + line.substring(0, 40) + "...");
            }
        } finally {
            deleteRecursively(folder);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

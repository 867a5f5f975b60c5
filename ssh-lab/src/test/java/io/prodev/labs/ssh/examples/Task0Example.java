package io.prodev.labs.ssh.examples;

import io.prodev.labs.ssh.GeneratedKey;
import io.prodev.labs.ssh.KeyPairs;
import io.prodev.labs.ssh.KeyType;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The example of task 0 in README.md (grader check compares it, and its output, with the README). */
public final class Task0Example {

    private Task0Example() {}

    public static void main(String[] args) throws IOException {
        // tag::example[]
        Path folder = Files.createTempDirectory("keys");
        GeneratedKey key = KeyPairs.generate(KeyType.ED25519, folder.resolve("id_ed25519"), "alice@laptop", null);
        System.out.println(key.fingerprintLine().matches("256 SHA256:[A-Za-z0-9+/]{43} alice@laptop \\(ED25519\\)"));
        System.out.println(Files.readString(key.publicKey()).startsWith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5"));
        System.out.println(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.privateKey())));
        try {
            KeyPairs.generate(KeyType.RSA, folder.resolve("id_ed25519"), "alice@laptop", null);
        } catch (FileAlreadyExistsException e) {
            System.out.println("kept: " + e.getFile().endsWith("id_ed25519"));
        }
        // end::example[]
    }
}

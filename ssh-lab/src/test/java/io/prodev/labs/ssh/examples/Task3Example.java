package io.prodev.labs.ssh.examples;

import io.prodev.labs.ssh.KnownHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** The example of task 3 in README.md (grader check compares it, and its output, with the README). */
public final class Task3Example {

    private Task3Example() {}

    public static void main(String[] args) throws IOException {
        // Two ed25519 public key blobs, as they appear in known_hosts lines.
        byte[] key = Base64.getDecoder().decode("AAAAC3NzaC1lZDI1NTE5AAAAIK6J7XnwiQTWifKKDydSsxtEXpm3vefLbPj1FslRuh28");
        byte[] otherKey =
                Base64.getDecoder().decode("AAAAC3NzaC1lZDI1NTE5AAAAIMPLljnh0u/831leUcZxBTEMc2TyxzHPtkkRE+Ps7ZBR");
        // tag::example[]
        Path file = Files.createTempFile("known_hosts", "");
        // [127.0.0.1]:2222, hashed by ssh-keygen -H
        Files.writeString(
                file,
                "|1|XoyJzAxoCyxn/n4x5AHPdEmdHo4=|jbZqFOZMoX7ENrv8dwiuJRCz5ho= ssh-ed25519 "
                        + Base64.getEncoder().encodeToString(key) + "\n");
        KnownHosts knownHosts = KnownHosts.load(file);
        System.out.println(knownHosts.check("127.0.0.1", 2222, "ssh-ed25519", key));
        System.out.println(knownHosts.check("127.0.0.1", 22, "ssh-ed25519", key));
        System.out.println(knownHosts.check("127.0.0.1", 2222, "ssh-ed25519", otherKey));

        knownHosts.add("Build.Example.COM", 2200, "ssh-ed25519", otherKey);
        System.out.println(Files.readAllLines(file).get(1).substring(0, 45) + "...");
        System.out.println(knownHosts.check("build.example.com", 2200, "ssh-ed25519", otherKey));
        // end::example[]
    }
}

package io.prodev.labs.ssh.examples;

import io.prodev.labs.ssh.HostSettings;
import io.prodev.labs.ssh.SshConfig;
import java.nio.file.Path;

/** The example of task 1 in README.md (grader check compares it, and its output, with the README). */
public final class Task1Example {

    private Task1Example() {}

    public static void main(String[] args) {
        // tag::example[]
        SshConfig config = SshConfig.parse("""
                Host web-* !web-test
                    HostName %h.example.com
                    User deploy
                    IdentityFile ~/.ssh/deploy_key
                Host *
                    User me
                    Port 2222
                    IdentityFile ~/.ssh/id_ed25519
                """);
        HostSettings web = config.resolve("web-1", Path.of("/home/me"), "me");
        web.sshGLines().forEach(System.out::println);
        System.out.println(config.resolve("web-test", Path.of("/home/me"), "me").user());
        try {
            SshConfig.parse("Host db\n    Port 70000\n");
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        // end::example[]
    }
}

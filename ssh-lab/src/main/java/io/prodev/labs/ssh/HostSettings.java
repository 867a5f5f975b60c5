package io.prodev.labs.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The effective client settings for one host alias, as {@link SshConfig#resolve} works them out and
 * {@code ssh -G} prints them.
 *
 * @param hostname the host to connect to, lowercased ({@code HostName} with {@code %h} expanded, or the alias)
 * @param user the user to log in as
 * @param port the TCP port, 1 to 65535
 * @param identityFiles the private keys to try, in order, {@code ~} kept as written
 * @param strictHostKeyChecking what to do with an unknown host key
 * @param userKnownHostsFiles the known hosts files, {@code ~} and tokens expanded
 * @param passwordAuthentication whether password authentication may be tried
 */
public record HostSettings(
        String hostname,
        String user,
        int port,
        List<String> identityFiles,
        StrictHostKeyChecking strictHostKeyChecking,
        List<String> userKnownHostsFiles,
        boolean passwordAuthentication) {

    public HostSettings {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(strictHostKeyChecking, "strictHostKeyChecking");
        identityFiles = List.copyOf(identityFiles);
        userKnownHostsFiles = List.copyOf(userKnownHostsFiles);
    }

    /**
     * The lines {@code ssh -G} prints for these seven settings, in its order: user, hostname, port,
     * passwordauthentication, stricthostkeychecking, one identityfile line per file, userknownhostsfile (the
     * files separated by spaces).
     */
    public List<String> sshGLines() {
        List<String> lines = new ArrayList<>();
        lines.add("user " + user);
        lines.add("hostname " + hostname);
        lines.add("port " + port);
        lines.add("passwordauthentication " + (passwordAuthentication ? "yes" : "no"));
        lines.add("stricthostkeychecking " + strictHostKeyChecking.sshG());
        identityFiles.forEach(file -> lines.add("identityfile " + file));
        lines.add("userknownhostsfile " + String.join(" ", userKnownHostsFiles));
        return lines;
    }
}

package io.prodev.labs.labkit.ssh.internal;

import io.prodev.labs.labkit.ssh.RunningSsh;
import io.prodev.labs.labkit.ssh.SshEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.AgentForwardingFilter;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.forward.X11ForwardingFilter;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * Apache MINA SSHD in this JVM on a free loopback port, with everything in one temporary folder: {@code root/}
 * (SFTP and the commands' {@code /}), {@code client/id_ed25519} and {@code settings/} (authorized_keys, password).
 */
public final class FixtureSshServer implements RunningSsh {

    /** The one user name the server accepts. */
    public static final String USER = "learner";

    private static final String HOST = "127.0.0.1";
    private static final long COMMAND_STOP_MILLIS = 2_000;

    private static final String CLIENT_KEY_COMMENT = "labkit-ssh client";

    private final Path home;
    private final SshServer sshd;
    private final JavaCommandFactory commands;
    private final SshEndpoint endpoint;
    /** Kept so that {@link #reset()} can write the client key again if its file was deleted. */
    private final KeyPair clientKeys;

    private FixtureSshServer(
            Path home, SshServer sshd, JavaCommandFactory commands, SshEndpoint endpoint, KeyPair clientKeys) {
        this.home = home;
        this.sshd = sshd;
        this.commands = commands;
        this.clientKeys = clientKeys;
        this.endpoint = endpoint;
    }

    /** Makes the keys and folders, and starts the server. */
    public static FixtureSshServer start() throws IOException {
        Path home = Files.createTempDirectory("labkit-ssh-");
        SshServer sshd = null;
        try {
            Path root = Files.createDirectory(home.resolve("root"));
            Path settings = Files.createDirectory(home.resolve("settings"));
            Path clientKey = Files.createDirectory(home.resolve("client")).resolve("id_ed25519");
            KeyPair clientKeys = KeyFiles.newEd25519();
            KeyFiles.write(clientKeys, clientKey, CLIENT_KEY_COMMENT);
            KeyPair hostKey = KeyFiles.newEd25519(); // in memory only: the endpoint carries its public half

            FileRoot fileRoot = new FileRoot(root);
            JavaCommandFactory commands = new JavaCommandFactory(
                    fileRoot,
                    settings,
                    Map.of("HOME", "/", "PWD", "/", "USER", USER, "LOGNAME", USER, "SHELL", "/bin/sh"));
            SettingsAuthenticator authenticator = new SettingsAuthenticator(USER, settings);

            sshd = SshServer.setUpDefaultServer();
            sshd.setHost(HOST);
            sshd.setPort(0);
            sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
            sshd.setPublickeyAuthenticator(authenticator);
            sshd.setPasswordAuthenticator(authenticator);
            sshd.setCommandFactory(commands);
            sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            sshd.setFileSystemFactory(new VirtualFileSystemFactory(fileRoot.path()));
            sshd.setForwardingFilter(ForwardingFilter.asForwardingFilter(
                    AgentForwardingFilter.of(false), X11ForwardingFilter.of(false), new LocalForwardingToLoopback()));
            sshd.start();

            SshEndpoint endpoint = new SshEndpoint(
                    HOST, sshd.getPort(), USER, hostKey.getPublic(), fileRoot.path(), clientKey, settings, null);
            ServerState.restore(endpoint);
            return new FixtureSshServer(home, sshd, commands, endpoint, clientKeys);
        } catch (IOException | RuntimeException e) {
            if (sshd != null) {
                sshd.stop(true); // a server that bound its port but could not finish starting
            }
            ServerState.deleteTree(home);
            throw e;
        }
    }

    @Override
    public SshEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public String description() {
        return "Apache MINA SSHD in this JVM on " + endpoint.host() + ":" + endpoint.port() + ", user "
                + endpoint.user() + ", root " + endpoint.root();
    }

    /**
     * Brings the server back to what a fresh one is. The grader empties the test JVM's temporary folder, where this
     * server keeps its files, before each submission, so the folders and the client key are made again when they
     * are gone.
     */
    @Override
    public void reset() {
        try {
            Files.createDirectories(endpoint.root());
            Files.createDirectories(endpoint.settings());
            if (!Files.exists(endpoint.clientKey())) {
                Files.createDirectories(endpoint.clientKey().getParent());
                KeyFiles.write(clientKeys, endpoint.clientKey(), CLIENT_KEY_COMMENT);
            }
            ServerState.restore(endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("could not reset " + description(), e);
        }
    }

    @Override
    public void close() {
        try {
            sshd.stop(true);
        } catch (IOException | RuntimeException e) {
            System.err.println("[labkit] could not stop the SSH server: " + e.getMessage());
        }
        commands.stopAll(COMMAND_STOP_MILLIS);
        try {
            ServerState.deleteTree(home);
        } catch (IOException e) {
            System.err.println("[labkit] could not delete " + home + ": " + e.getMessage());
        }
    }
}

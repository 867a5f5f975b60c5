package io.prodev.labs.labkit.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * JSch, an SSH client independent of the server's library, logged in to an {@link SshEndpoint} with strict host key
 * checking against the endpoint's known_hosts line.
 */
final class JschClient {

    private static final int TIMEOUT_MILLIS = 5_000;

    /** What an exec request printed and the status it exited with. */
    record Result(String out, String err, int status) {}

    private JschClient() {}

    /** A session logged in with the client key the endpoint hands out. */
    static Session withKey(SshEndpoint server) throws JSchException {
        return withKey(server, server.clientKey());
    }

    /** A session logged in with the private key in {@code key}, as the endpoint's user. */
    static Session withKey(SshEndpoint server, Path key) throws JSchException {
        JSch jsch = knowing(server);
        jsch.addIdentity(key.toString());
        Session session = jsch.getSession(server.user(), server.host(), server.port());
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("PreferredAuthentications", "publickey");
        session.connect(TIMEOUT_MILLIS);
        return session;
    }

    /** A session logged in as {@code user} with {@code password}. */
    static Session withPassword(SshEndpoint server, String user, String password) throws JSchException {
        Session session = knowing(server).getSession(user, server.host(), server.port());
        session.setPassword(password);
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("PreferredAuthentications", "password");
        session.connect(TIMEOUT_MILLIS);
        return session;
    }

    /** A client that trusts exactly the endpoint's host key. */
    static JSch knowing(SshEndpoint server) throws JSchException {
        JSch jsch = new JSch();
        jsch.setKnownHosts(new ByteArrayInputStream(server.knownHostsLine().getBytes(StandardCharsets.UTF_8)));
        return jsch;
    }

    static Result exec(SshEndpoint server, String command) throws Exception {
        return exec(server, command, "", Map.of());
    }

    /** Runs {@code command} in a new session with {@code stdin} as its input and {@code environment} sent first. */
    static Result exec(SshEndpoint server, String command, String stdin, Map<String, String> environment)
            throws Exception {
        Session session = withKey(server);
        try {
            return exec(session, command, stdin, environment);
        } finally {
            session.disconnect();
        }
    }

    static Result exec(Session session, String command, String stdin, Map<String, String> environment)
            throws Exception {
        ChannelExec channel = (ChannelExec) session.openChannel("exec");
        try {
            channel.setCommand(command);
            environment.forEach(channel::setEnv);
            // An input stream of its own makes JSch send EOF after it, which ends a cat that reads stdin.
            channel.setInputStream(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            channel.setOutputStream(out);
            channel.setErrStream(err);
            channel.connect(TIMEOUT_MILLIS);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!channel.isClosed() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            return new Result(
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8),
                    channel.getExitStatus());
        } finally {
            channel.disconnect();
        }
    }
}

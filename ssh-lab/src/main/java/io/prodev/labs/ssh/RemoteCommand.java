package io.prodev.labs.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Runs one command on a server over SSH, logging in with a key only, and returns what it printed and its exit
 * status: what {@code ssh -i KEY user@host CMD} does, from Java.
 */
public final class RemoteCommand {

    private RemoteCommand() {}

    /**
     * Logs in to {@code target} with its key, runs {@code command}, waits for it to end, and logs out.
     *
     * @param connectTimeout how long connecting and logging in may take
     * @param commandTimeout how long the command may run; past it, its channel is closed and the call fails
     * @return its standard output and error (UTF-8) and its exit status
     * @throws SshFailure naming what failed: an unreadable key, a wrong passphrase, a refused or timed-out
     *     connection, a host key not in the known hosts, a refused login, a command that ran too long
     * @throws IllegalArgumentException naming the value, for a blank command or a timeout of zero or less
     */
    public static CommandResult run(
            SshTarget target, String command, Duration connectTimeout, Duration commandTimeout) {
        Objects.requireNonNull(target, "target");
        // BEGIN SOLUTION
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException(
                    "command must not be blank, got: " + (command == null ? "null" : "\"" + command + "\""));
        }
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("commandTimeout", commandTimeout);
        JSch jsch = SshSessions.withKeyAndKnownHosts(target);
        Session session = SshSessions.connect(jsch, target, connectTimeout);
        try {
            ChannelExec channel = (ChannelExec) session.openChannel("exec");
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            channel.setCommand(command);
            // An empty standard input: JSch sends its end at once, so a command that reads it (cat) does not wait for
            // ever, as it would with no input stream at all.
            channel.setInputStream(new ByteArrayInputStream(new byte[0]));
            channel.setOutputStream(stdout);
            channel.setErrStream(stderr);
            channel.connect((int) connectTimeout.toMillis());
            try {
                // JSch has no call that waits for a channel to close, so poll: the command's output is complete,
                // and its exit status known, only once the channel is closed.
                long deadline = System.nanoTime() + commandTimeout.toNanos();
                while (!channel.isClosed()) {
                    if (System.nanoTime() - deadline > 0) {
                        throw new SshFailure("the command `" + command + "` on " + target.address()
                                + " did not end within " + commandTimeout + "; its channel was closed");
                    }
                    Thread.sleep(5);
                }
            } finally {
                channel.disconnect();
            }
            return new CommandResult(
                    stdout.toString(StandardCharsets.UTF_8),
                    stderr.toString(StandardCharsets.UTF_8),
                    channel.getExitStatus());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshFailure("interrupted while `" + command + "` ran on " + target.address(), e);
        } catch (JSchException e) {
            throw new SshFailure("could not run `" + command + "` on " + target.address() + ": " + e.getMessage(), e);
        } finally {
            session.disconnect();
        }
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private static void requirePositive(String what, Duration timeout) {
        if (timeout == null || timeout.toMillis() < 1) {
            throw new IllegalArgumentException(what + " must be at least 1 ms, got: " + timeout);
        }
    }
    // END SOLUTION
}

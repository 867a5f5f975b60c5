package io.prodev.labs.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Copies one file to or from a server over SFTP, as the curriculum's transfer script does with {@code scp}, and
 * proves the copy whole: the SHA-256 of the bytes sent or received must equal what the server's {@code sha256sum}
 * computes. A destination is only ever replaced by a checked, complete file.
 */
public final class FileTransfer {

    private FileTransfer() {}

    /**
     * Uploads {@code local} to {@code remote} on {@code target}, creating the missing remote folders.
     *
     * @param remote the destination path on the server, absolute or relative to the login folder
     * @param timeout how long the whole call may take, connecting included
     * @return the local path, the remote path, the byte count and the SHA-256 the server confirmed
     * @throws SshFailure naming what failed: the local file missing or not a file, the remote path a folder or under a
     *     file, a checksum that differs from the server's ("checksum", both hashes), the time running out, and what
     *     {@link SshSessions} names (key, host key, refused login)
     * @throws IllegalArgumentException naming the value, for a null local path, a blank remote path or one with
     *     {@code * ? \} or a control character, a timeout under 1 ms
     */
    public static TransferResult upload(SshTarget target, Path local, String remote, Duration timeout) {
        Objects.requireNonNull(target, "target");
        // BEGIN SOLUTION
        requireArguments(local, remote, timeout);
        if (Files.isDirectory(local)) {
            throw new SshFailure("cannot upload " + local + ": it is a folder, not a file");
        }
        if (!Files.isRegularFile(local) || !Files.isReadable(local)) {
            throw new SshFailure("cannot upload " + local + ": no such local file, or it is unreadable");
        }
        try (Remote server = Remote.open(target, timeout)) {
            String where = target.address() + ":" + remote;
            try {
                int slash = remote.lastIndexOf('/');
                String folder = slash < 0 ? "" : remote.substring(0, slash + 1); // "" or ending in "/"
                server.createFolders(folder, where);
                SftpATTRS existing = server.statOrNull(remote);
                if (existing != null && existing.isDir()) {
                    throw new SshFailure("cannot upload to " + where + ": it is a folder");
                }
                String temporary = folder + "." + remote.substring(slash + 1) + ".part-" + randomSuffix();
                boolean renamed = false;
                try {
                    MessageDigest digest = sha256();
                    long bytes;
                    try (InputStream in = Files.newInputStream(local);
                            OutputStream out = server.sftp.put(temporary, ChannelSftp.OVERWRITE)) {
                        bytes = copy(in, out, digest);
                    }
                    String sent = HexFormat.of().formatHex(digest.digest());
                    server.requireSameChecksum(temporary, sent, "sent", where);
                    server.replace(temporary, remote);
                    renamed = true;
                    return new TransferResult(local.toString(), remote, bytes, sent);
                } finally {
                    if (!renamed) {
                        server.removeQuietly(temporary);
                    }
                }
            } catch (SftpException | IOException | JSchException e) {
                throw server.failure("upload of " + local + " to " + where, e);
            }
        }
        // END SOLUTION
    }

    /**
     * Downloads {@code remote} from {@code target} to {@code local}, whose folder must exist.
     *
     * @param remote the source path on the server, absolute or relative to the login folder
     * @param timeout how long the whole call may take, connecting included
     * @return the remote path, the local path, the byte count and the SHA-256 the server confirmed
     * @throws SshFailure naming what failed: the local folder missing, the local path a folder, the remote file
     *     missing or a folder, a checksum that differs from the server's ("checksum", both hashes), the time running
     *     out, and what {@link SshSessions} names (key, host key, refused login)
     * @throws IllegalArgumentException naming the value, as for {@link #upload}
     */
    public static TransferResult download(SshTarget target, String remote, Path local, Duration timeout) {
        Objects.requireNonNull(target, "target");
        // BEGIN SOLUTION
        requireArguments(local, remote, timeout);
        Path folder = local.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new SshFailure("cannot download to " + local + ": the local folder " + folder + " does not exist");
        }
        if (Files.isDirectory(local)) {
            throw new SshFailure("cannot download to " + local + ": it is a folder");
        }
        try (Remote server = Remote.open(target, timeout)) {
            String where = target.address() + ":" + remote;
            Path temporary = null;
            try {
                SftpATTRS attributes = server.statOrNull(remote);
                if (attributes == null) {
                    throw new SshFailure("cannot download " + where + ": no such remote file");
                }
                if (attributes.isDir()) {
                    throw new SshFailure("cannot download " + where + ": it is a folder");
                }
                // In the destination's folder, so that the move is a rename on one file system, hence atomic.
                temporary = Files.createTempFile(folder, "." + local.getFileName() + ".part-", "");
                MessageDigest digest = sha256();
                long bytes;
                try (InputStream in = server.sftp.get(remote);
                        OutputStream out = Files.newOutputStream(temporary)) {
                    bytes = copy(in, out, digest);
                }
                String received = HexFormat.of().formatHex(digest.digest());
                server.requireSameChecksum(remote, received, "received", where);
                Files.move(temporary, local, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                temporary = null;
                return new TransferResult(remote, local.toString(), bytes, received);
            } catch (SftpException | IOException | JSchException e) {
                throw server.failure("download of " + where + " to " + local, e);
            } finally {
                if (temporary != null) {
                    deleteQuietly(temporary);
                }
            }
        }
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private static final String POSIX_RENAME = "posix-rename@openssh.com";

    private static void requireArguments(Path local, String remote, Duration timeout) {
        if (local == null) {
            throw new IllegalArgumentException("the local path must not be null");
        }
        if (remote == null || remote.isBlank() || remote.endsWith("/")) {
            throw new IllegalArgumentException(
                    "the remote path must name a file, got: " + (remote == null ? "null" : "\"" + remote + "\""));
        }
        // JSch reads * and ? as patterns and \ as their escape; sha256sum marks a name with \ or a line break.
        if (remote.chars().anyMatch(c -> c == '*' || c == '?' || c == '\\' || Character.isISOControl(c))) {
            throw new IllegalArgumentException(
                    "the remote path must not hold *, ?, \\ or a control character, got: \"" + remote + "\"");
        }
        if (timeout == null || timeout.toMillis() < 1) {
            throw new IllegalArgumentException("timeout must be at least 1 ms, got: " + timeout);
        }
    }

    /** {@code path} in single quotes for sh, a quote inside written as {@code '\''}. */
    static String shellQuoted(String path) {
        return "'" + path.replace("'", "'\\''") + "'";
    }

    private static String randomSuffix() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }

    private static long copy(InputStream in, OutputStream out, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[32_768];
        long total = 0;
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            digest.update(buffer, 0, read); // the hash of exactly the bytes that went through
            out.write(buffer, 0, read);
            total += read;
        }
        return total;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the failure being reported matters more
        }
    }

    /**
     * One logged-in session with its SFTP channel, and a watchdog that ends the session at the call's deadline: JSch
     * has no timeout for a transfer, but a closed session makes every blocked SFTP call fail.
     */
    private static final class Remote implements AutoCloseable {

        private final SshTarget target;
        private final Duration timeout;
        private final long deadline;
        private final Session session;
        private final Thread watchdog;
        private volatile boolean timedOut;
        private ChannelSftp sftp;

        private Remote(SshTarget target, Duration timeout, long deadline, Session session) {
            this.target = target;
            this.timeout = timeout;
            this.deadline = deadline;
            this.session = session;
            this.watchdog = new Thread(this::endAtDeadline, "file-transfer-deadline");
            watchdog.setDaemon(true);
            watchdog.start();
        }

        static Remote open(SshTarget target, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            JSch jsch = SshSessions.withKeyAndKnownHosts(target);
            Remote remote = new Remote(target, timeout, deadline, SshSessions.connect(jsch, target, timeout));
            try {
                remote.sftp = (ChannelSftp) remote.session.openChannel("sftp");
                remote.sftp.connect((int) Math.max(1, remote.millisLeft()));
                return remote;
            } catch (JSchException | RuntimeException e) {
                remote.close();
                throw remote.failure("SFTP session with " + target.address(), e);
            }
        }

        private void endAtDeadline() {
            try {
                TimeUnit.NANOSECONDS.sleep(deadline - System.nanoTime());
                timedOut = true;
                session.disconnect();
            } catch (InterruptedException e) {
                // the call ended in time
            }
        }

        private long millisLeft() {
            return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        }

        /** The path's attributes, or null when there is nothing at it. */
        SftpATTRS statOrNull(String path) throws SftpException {
            try {
                return sftp.stat(path);
            } catch (SftpException e) {
                if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    return null;
                }
                throw e;
            }
        }

        /** Creates each missing folder of {@code folder} ("" or ending in "/"), one by one, as mkdir -p does. */
        void createFolders(String folder, String where) throws SftpException {
            StringBuilder path = new StringBuilder(folder.startsWith("/") ? "/" : "");
            for (String name : folder.split("/")) {
                if (name.isEmpty()) {
                    continue;
                }
                path.append(name);
                SftpATTRS attributes = statOrNull(path.toString());
                if (attributes == null) {
                    sftp.mkdir(path.toString());
                } else if (!attributes.isDir()) {
                    throw new SshFailure("cannot upload to " + where + ": " + path + " is a file, not a folder");
                }
                path.append('/');
            }
        }

        /** Runs {@code sha256sum 'path'} on the server and fails unless it reports {@code hash}. */
        void requireSameChecksum(String path, String hash, String sentOrReceived, String where)
                throws JSchException, IOException {
            String command = "sha256sum " + shellQuoted(path);
            ChannelExec channel = (ChannelExec) session.openChannel("exec");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try {
                channel.setCommand(command);
                channel.setInputStream(new ByteArrayInputStream(new byte[0]));
                channel.setOutputStream(out);
                channel.setErrStream(err);
                channel.connect((int) Math.max(1, millisLeft()));
                while (!channel.isClosed() && !timedOut) { // past the deadline the watchdog ended the session
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SshFailure("interrupted while `" + command + "` ran on " + target.address(), e);
            } finally {
                channel.disconnect();
            }
            if (timedOut) {
                throw new IOException("the session ended at the deadline");
            }
            String output = out.toString(StandardCharsets.UTF_8);
            if (channel.getExitStatus() != 0 || !output.matches("(?s)[0-9a-f]{64} .*")) {
                throw new SshFailure("cannot check the checksum of " + where + ": `" + command + "` exited with "
                        + channel.getExitStatus() + ": "
                        + err.toString(StandardCharsets.UTF_8).strip());
            }
            String server = output.substring(0, 64);
            if (!server.equals(hash)) {
                throw new SshFailure("checksum mismatch for " + where + ": " + sentOrReceived + " sha256 " + hash
                        + ", the server's sha256sum reports " + server);
            }
        }

        /**
         * Renames {@code temporary} over {@code remote}. JSch's rename uses posix-rename@openssh.com when the server
         * offers it (OpenSSH and MINA SSHD do): it replaces an existing file atomically, as rename(2) does. A plain
         * SFTP rename (protocol version 3) fails when the target exists, so on a server without the extension the old
         * file is removed first: for a moment there is no file, but never a partial one.
         */
        void replace(String temporary, String remote) throws SftpException {
            if (sftp.getExtension(POSIX_RENAME) == null && statOrNull(remote) != null) {
                sftp.rm(remote);
            }
            sftp.rename(temporary, remote);
        }

        void removeQuietly(String path) {
            if (timedOut || !session.isConnected()) {
                return; // nobody left to ask: the session is gone
            }
            try {
                if (statOrNull(path) != null) {
                    sftp.rm(path);
                }
            } catch (SftpException | RuntimeException e) {
                // the failure being reported matters more
            }
        }

        /** What to throw for {@code e}: a time-out once the deadline ended the session, else what failed. */
        SshFailure failure(String what, Exception e) {
            if (e instanceof SshFailure failure && !timedOut) {
                return failure;
            }
            if (timedOut) {
                return new SshFailure("the " + what + " timed out: it did not end within " + timeout, e);
            }
            return new SshFailure("the " + what + " failed: " + e.getMessage(), e);
        }

        @Override
        public void close() {
            watchdog.interrupt();
            try {
                watchdog.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (sftp != null) {
                sftp.disconnect();
            }
            session.disconnect();
        }
    }
    // END SOLUTION
}

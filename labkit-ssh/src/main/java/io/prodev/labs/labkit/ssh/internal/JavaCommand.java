package io.prodev.labs.labkit.ssh.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.util.threads.CloseableExecutorService;
import org.apache.sshd.server.command.AbstractCommandSupport;

/**
 * One exec request ({@code ssh host 'echo hi'}), run by a {@link Builtins builtin} on a thread of its own. Closing
 * the channel interrupts that thread (MINA cancels it in {@code destroy}), which ends a {@code sleep}.
 */
final class JavaCommand extends AbstractCommandSupport {

    private final FileRoot root;
    private final Path settings;
    private final Map<String, String> fixedEnvironment;

    JavaCommand(
            String line,
            CloseableExecutorService executor,
            FileRoot root,
            Path settings,
            Map<String, String> fixedEnvironment) {
        super(line, executor);
        this.root = root;
        this.settings = settings;
        this.fixedEnvironment = fixedEnvironment;
    }

    @Override
    public void run() {
        int status;
        try {
            status = execute();
            getOutputStream().flush();
            getErrorStream().flush();
        } catch (InterruptedException e) {
            return; // the channel closed: nobody is left to tell the status to
        } catch (IOException e) {
            return; // the client went away while we wrote
        }
        onExit(status);
    }

    private int execute() throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>(getEnvironment().getEnv());
        environment.putAll(fixedEnvironment);
        CommandContext context =
                new CommandContext(getInputStream(), getOutputStream(), getErrorStream(), root, settings, environment);
        List<String> words;
        try {
            words = CommandLine.split(getCommand());
        } catch (IllegalArgumentException e) {
            context.printError("sh: " + e.getMessage() + "\n");
            return 2;
        }
        if (words.isEmpty()) {
            return 0;
        }
        Builtins.Builtin builtin = Builtins.named(words.get(0));
        if (builtin == null) {
            context.printError("sh: " + words.get(0) + ": command not found\n");
            return Builtins.NOT_FOUND;
        }
        return builtin.run(words.subList(1, words.size()), context);
    }
}

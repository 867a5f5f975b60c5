package io.prodev.labs.http;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** A serving command of {@link HttpLab} run on a thread of its own, as a test drives it: start, wait, stop. */
final class CommandRun implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Thread thread;

    private CommandRun(Map<String, String> environment, String... args) {
        thread = new Thread(
                () -> {
                    try {
                        exit.complete(
                                HttpLab.run(environment, new PrintWriter(out, true), new PrintWriter(err, true), args));
                    } catch (Throwable e) {
                        exit.completeExceptionally(e);
                    }
                },
                "http-lab-command");
        thread.setDaemon(true);
        thread.start();
    }

    static CommandRun start(String... args) {
        return start(Map.of(), args);
    }

    static CommandRun start(Map<String, String> environment, String... args) {
        return new CommandRun(environment, args);
    }

    /** The URL of the n-th (from 0) {@code listening on} line, once printed; fails if the command ends first. */
    URI awaitListening(int index) {
        Awaitility.await("line " + (index + 1) + " `listening on <url>` of the command")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> listening().length > index || exit.isDone());
        String[] urls = listening();
        if (urls.length <= index) {
            throw new AssertionError("the command ended before printing `listening on <url>`; exit " + exit.getNow(null)
                    + ", output: " + out + ", errors: " + err);
        }
        return URI.create(urls[index]);
    }

    URI awaitListening() {
        return awaitListening(0);
    }

    private String[] listening() {
        Matcher matcher = LISTENING.matcher(out.toString());
        return matcher.results().map(result -> result.group(1)).toArray(String[]::new);
    }

    /** Interrupts the command (as Ctrl-C would end it) and returns its exit status. */
    int stop() throws Exception {
        thread.interrupt();
        return exitStatus();
    }

    /** Waits for the command to end by itself and returns its exit status. */
    int exitStatus() throws Exception {
        return exit.get(15, TimeUnit.SECONDS);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    @Override
    public void close() throws Exception {
        if (!exit.isDone()) {
            stop();
        }
    }
}

package io.prodev.labs.grader.check;

import java.time.Duration;
import java.util.List;

/**
 * How one run of a reference program ended.
 *
 * @param finished whether it ended by itself within its time limit (false: it was killed)
 * @param exitCode its exit code; meaningless when it did not finish
 * @param stdout   what it printed on standard output
 * @param stderr   what it printed on standard error
 * @param elapsed  how long it ran
 */
record ProgramRun(boolean finished, int exitCode, String stdout, String stderr, Duration elapsed) {

    boolean succeeded() {
        return finished && exitCode == 0;
    }

    /**
     * Its last lines, standard output's then standard error's, JVM warnings left out: what it said before it
     * ended. Indented, so that they read as part of the problem they end.
     */
    String tail(int lines) {
        String out = lastLines(stdout, lines);
        String err = lastLines(stderr, lines);
        if (out.isEmpty() && err.isEmpty()) {
            return "it printed nothing";
        }
        return (out.isEmpty() ? "" : "its output ended with:\n" + out)
                + (out.isEmpty() || err.isEmpty() ? "" : "\n")
                + (err.isEmpty() ? "" : "its error output ended with:\n" + err);
    }

    private static String lastLines(String text, int count) {
        List<String> lines = text.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("WARNING:"))
                .toList();
        return String.join(
                "\n",
                lines.subList(Math.max(0, lines.size() - count), lines.size()).stream()
                        .map(line -> "      " + line)
                        .toList());
    }
}

package io.prodev.labs.labkit.output;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Captures what a piece of code prints on System.out, for tests of code whose default sink is standard output. */
public final class StandardOutput {

    private StandardOutput() {}

    /** Runs {@code action} with System.out redirected, and returns the lines it printed. */
    public static List<String> linesPrintedBy(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}

package io.prodev.labs.labkit.summary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells the build whether to fail after the summary, in the summary format that {@code failsafe:verify}
 * reads (https://maven.apache.org/surefire/maven-surefire-plugin/xsd/failsafe-summary.xsd). That goal fails a
 * build from a file written earlier, and prints nothing when the file holds no failure, so the task summary
 * stays the last thing before BUILD SUCCESS; {@code exec:java} could fail the build itself only by logging
 * the exception, stack trace and all, after the summary.
 */
final class TestVerdictFile {

    private TestVerdictFile() {}

    /**
     * @param testsRun     the tests that ran
     * @param testsFailed  the tests that failed: above 0, verify fails with "There are test failures."
     * @param otherFailure why the build must fail when no test failed ({@code -Dtask} named no task, the test
     *                     JVM died); verify fails naming it
     */
    static void write(Path file, int testsRun, int testsFailed, Optional<String> otherFailure) {
        boolean failing = testsFailed > 0 || otherFailure.isPresent();
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<failsafe-summary" + (failing ? " result=\"255\"" : "") + " timeout=\"false\">\n"
                + String.format(Locale.ROOT, "    <completed>%d</completed>%n", testsRun)
                + "    <errors>0</errors>\n"
                + String.format(Locale.ROOT, "    <failures>%d</failures>%n", testsFailed)
                + "    <skipped>0</skipped>\n"
                + otherFailure
                        .map(message -> "    <failureMessage>" + escaped(message) + "</failureMessage>\n")
                        .orElse("")
                + "</failsafe-summary>\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test verdict to " + file, e);
        }
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}

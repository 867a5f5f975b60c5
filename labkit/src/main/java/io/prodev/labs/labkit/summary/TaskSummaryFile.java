package io.prodev.labs.labkit.summary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file through which the test JVM hands the summary to the build. Its first line is the outcome and the
 * counts ({@code failed tests=115 failures=101}), the rest are the summary's lines. Maven's test plug-in prints
 * its own recap after the test JVM ends, so a summary printed from there would be buried; the build prints it
 * from this file after that recap instead ({@link TaskSummaryGate}).
 */
final class TaskSummaryFile {

    private static final Pattern HEADER = Pattern.compile("(\\w+) tests=(\\d+) failures=(\\d+)");

    private TaskSummaryFile() {}

    static void write(Path file, RecordedRun run) {
        List<String> content = new ArrayList<>();
        content.add(String.format(
                Locale.ROOT,
                "%s tests=%d failures=%d",
                run.outcome().name().toLowerCase(Locale.ROOT),
                run.testsRun(),
                run.testsFailed()));
        content.addAll(run.lines());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // Written whole, then moved: the build never reads half a summary.
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.write(partial, content, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the task summary to " + file, e);
        }
    }

    /** The run recorded in the file; empty when there is no file (no test ran in this build). */
    static Optional<RecordedRun> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> content;
        try {
            content = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the task summary " + file, e);
        }
        Matcher header = HEADER.matcher(content.isEmpty() ? "" : content.get(0));
        if (!header.matches()) {
            throw new IllegalStateException("the task summary " + file + " does not start with an outcome line");
        }
        return Optional.of(new RecordedRun(
                RecordedRun.Outcome.valueOf(header.group(1).toUpperCase(Locale.ROOT)),
                Integer.parseInt(header.group(2)),
                Integer.parseInt(header.group(3)),
                content.subList(1, content.size())));
    }
}

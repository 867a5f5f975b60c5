package io.prodev.labs.grader.check;

import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.labkit.fixture.FixtureException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Proves a lab's README examples: each task's example is real code in
 * {@code src/test/java/.../examples/Task<id>Example.java}, between {@code // tag::example[]} and
 * {@code // end::example[]}. The README's code block must equal that region (common indentation and trailing
 * white space aside), and its output block must equal what the class prints when it runs on the reference.
 * So a README example can neither drift from the API nor promise output the reference does not give.
 */
final class ReadmeExamples {

    static final Duration TIME_LIMIT = Duration.ofSeconds(60);
    static final String SOURCE_ROOT = "src/test/java";
    private static final Pattern SOURCE_NAME = Pattern.compile("Task(.+)Example\\.java");

    /**
     * An example the README shows, with the source that proves it.
     *
     * @param readme     the README's code and output blocks
     * @param sourceFile the source, relative to the lab's folder
     * @param className  the source's class, which has the {@code main} to run
     */
    record ProvenExample(ReadmeExample readme, String sourceFile, String className) {

        String simpleName() {
            return className.substring(className.lastIndexOf('.') + 1);
        }
    }

    /**
     * @param examples the examples with a source and an output block: the ones to run
     * @param problems what the README and the sources disagree on, before anything runs
     */
    record Pairing(List<ProvenExample> examples, List<String> problems) {}

    private ReadmeExamples() {}

    /** Compares the code, then runs each example on the reference and compares its output. */
    static CheckOutcome check(PreparedLab lab, ReferencePrograms programs) {
        Pairing pairing = pair(lab.dir());
        List<String> problems = new ArrayList<>(pairing.problems());
        long start = System.nanoTime(); // the whole cost: JVM starts, the fixtures' start with the first run
        for (ProvenExample example : pairing.examples()) {
            try {
                ProgramRun run = programs.run(example.className(), TIME_LIMIT);
                runProblem(example, run)
                        .or(() -> outputProblem(example, run.stdout()))
                        .ifPresent(problems::add);
            } catch (FixtureException e) {
                problems.add("task " + example.readme().taskId() + "'s example " + example.simpleName()
                        + " could not run: the lab's fixtures did not start (" + e.getMessage() + ")");
            }
        }
        int count = pairing.examples().size();
        String summary = count == 0 && problems.isEmpty()
                ? "README shows no example to prove"
                : "README examples equal their examples/Task<id>Example.java and what it prints on the reference ("
                        + count + " examples, "
                        + String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9)
                        + ")";
        return new CheckOutcome(summary, problems);
    }

    /** Pairs the README's examples with their sources and compares their code; runs nothing. */
    static Pairing pair(Path labDir) {
        Path readmeFile = labDir.resolve("README.md");
        Map<String, ReadmeExample> readme =
                Files.isRegularFile(readmeFile) ? ReadmeExampleParser.parse(read(readmeFile)) : Map.of();
        Map<String, List<Path>> sources = sources(labDir);
        List<ProvenExample> examples = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ReadmeExample example : readme.values()) {
            String id = example.taskId();
            List<Path> found = sources.getOrDefault(id, List.of());
            if (found.isEmpty()) {
                problems.add("README.md:" + example.codeLine() + " shows an example for task " + id
                        + ", but there is no " + SOURCE_ROOT + "/**/examples/Task" + id + "Example.java to prove it:"
                        + " put its code in a main method there, between `" + TaggedRegion.START + "` and `"
                        + TaggedRegion.END + "`");
                continue;
            }
            if (found.size() > 1) {
                problems.add("task " + id + " has " + found.size() + " example sources, " + relative(labDir, found)
                        + "; keep one");
                continue;
            }
            String sourceFile = labDir.relativize(found.get(0)).toString().replace('\\', '/');
            try {
                List<NumberedLine> region = TaggedRegion.of(read(found.get(0)), sourceFile);
                codeProblem(example, region, sourceFile).ifPresent(problems::add);
            } catch (IllegalArgumentException badMarkers) {
                problems.add(badMarkers.getMessage());
                continue;
            }
            ProvenExample proven = new ProvenExample(example, sourceFile, className(sourceFile));
            if (example.output() == null) {
                problems.add("task " + id + "'s example in README.md (line " + example.codeLine() + ") has no output"
                        + " block: add a fenced block after it with what " + proven.simpleName() + " prints");
            } else {
                examples.add(proven);
            }
        }
        sources.forEach((id, files) -> {
            if (!readme.containsKey(id)) {
                files.forEach(
                        file -> problems.add(labDir.relativize(file).toString().replace('\\', '/')
                                + " is the example of task " + id + ", but README.md's section for task " + id
                                + " shows no"
                                + " example (a ```java block after a line starting with **Example, then a block with its"
                                + " output)"));
            }
        });
        return new Pairing(examples, problems);
    }

    /** The README's code block against the source's tagged region, line by line. */
    static Optional<String> codeProblem(ReadmeExample example, List<NumberedLine> region, String sourceFile) {
        List<NumberedLine> code = TaggedRegion.trimmed(example.code());
        String source = sourceFile.substring(sourceFile.lastIndexOf('/') + 1);
        for (int i = 0; i < Math.max(code.size(), region.size()); i++) {
            NumberedLine shown = i < code.size() ? code.get(i) : null;
            NumberedLine real = i < region.size() ? region.get(i) : null;
            if (shown != null && real != null && shown.text().equals(real.text())) {
                continue;
            }
            String readmeSide = shown != null
                    ? "README.md:" + shown.number() + " reads " + quote(shown.text())
                    : "README.md's code block ends after line " + lastLine(code, example.codeLine());
            String sourceSide = real != null
                    ? source + ":" + real.number() + " reads " + quote(real.text())
                    : region.isEmpty()
                            ? "the region of " + source + " is empty"
                            : "the region of " + source + " ends after line "
                                    + region.get(region.size() - 1).number();
            return Optional.of("task " + example.taskId() + "'s example in README.md differs from the tagged region of "
                    + sourceFile + ": " + readmeSide + ", " + sourceSide);
        }
        return Optional.empty();
    }

    /** The README's output block against what the example printed, line by line. */
    static Optional<String> outputProblem(ProvenExample example, String stdout) {
        List<String> printed = withoutTrailingBlankLines(
                stdout.replace("\r\n", "\n").replace('\r', '\n').lines().toList());
        List<NumberedLine> shown = example.readme().output();
        int shownSize = withoutTrailingBlankLines(
                        shown.stream().map(NumberedLine::text).toList())
                .size();
        for (int i = 0; i < Math.max(shownSize, printed.size()); i++) {
            String readmeLine = i < shownSize ? shown.get(i).text() : null;
            String printedLine = i < printed.size() ? printed.get(i) : null;
            if (readmeLine != null && readmeLine.equals(printedLine)) {
                continue;
            }
            String readmeSide = readmeLine != null
                    ? "README.md:" + shown.get(i).number() + " reads " + quote(readmeLine)
                    : "README.md's output block ends after line "
                            + lastLine(
                                    shown.subList(0, shownSize),
                                    example.readme().outputLine());
            String printedSide = printedLine != null ? "it printed " + quote(printedLine) : "it printed nothing more";
            return Optional.of("task " + example.readme().taskId() + "'s example output in README.md is not what "
                    + example.simpleName() + " prints on the reference: " + readmeSide + ", " + printedSide
                    + (printedLine != null ? " (its output line " + (i + 1) + ")" : ""));
        }
        return Optional.empty();
    }

    private static Optional<String> runProblem(ProvenExample example, ProgramRun run) {
        String what = "task " + example.readme().taskId() + "'s example " + example.className();
        if (!run.finished()) {
            return Optional.of(what + " did not finish within " + TIME_LIMIT.toSeconds() + " s on the reference and"
                    + " was killed; " + run.tail(5));
        }
        if (run.exitCode() != 0) {
            return Optional.of(what + " ended with exit code " + run.exitCode() + " on the reference; " + run.tail(5));
        }
        return Optional.empty();
    }

    /** Example sources by task id: {@code src/test/java/**}{@code /examples/Task<id>Example.java}. */
    private static Map<String, List<Path>> sources(Path labDir) {
        Map<String, List<Path>> sources = new TreeMap<>();
        Path root = labDir.resolve(SOURCE_ROOT);
        if (!Files.isDirectory(root)) {
            return sources;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).sorted().forEach(file -> {
                Matcher name = SOURCE_NAME.matcher(file.getFileName().toString());
                if (name.matches() && file.getParent().getFileName().toString().equals("examples")) {
                    sources.computeIfAbsent(name.group(1), id -> new ArrayList<>())
                            .add(file);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return sources;
    }

    private static String className(String sourceFile) {
        String path = sourceFile.substring(SOURCE_ROOT.length() + 1, sourceFile.length() - ".java".length());
        return path.replace('/', '.');
    }

    private static List<String> withoutTrailingBlankLines(List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        return lines.subList(0, end);
    }

    private static int lastLine(List<NumberedLine> lines, int fenceLine) {
        return lines.isEmpty() ? fenceLine : lines.get(lines.size() - 1).number();
    }

    private static String quote(String line) {
        return line.isEmpty() ? "an empty line" : "`" + line + "`";
    }

    private static String relative(Path labDir, List<Path> files) {
        return String.join(
                " and ",
                files.stream().map(file -> labDir.relativize(file).toString()).toList());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

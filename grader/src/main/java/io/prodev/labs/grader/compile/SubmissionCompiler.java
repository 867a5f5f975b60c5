package io.prodev.labs.grader.compile;

import io.prodev.labs.grader.Directories;
import io.prodev.labs.grader.GraderException;
import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.grader.model.CompileProblem;
import io.prodev.labs.grader.starter.SolutionStripper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds a submission's main classes: the instructor's sources with the learner's files in place
 * (or their starter version where one is missing). A learner file that does not compile is swapped for
 * its starter version and the compile is tried again, so only the tasks that need that file lose points.
 */
public final class SubmissionCompiler {

    private final PreparedLab lab;
    private final SourceCompiler compiler = new SourceCompiler();
    /** The instructor's main sources and resources, read once per batch, not once per submission. */
    private final Map<String, String> reference;

    private final Map<String, String> resources;
    private final Map<String, String> starterVersions = new java.util.concurrent.ConcurrentHashMap<>();

    public SubmissionCompiler(PreparedLab lab) {
        this.lab = lab;
        this.reference = Directories.readText(lab.dir(), lab.mainJava());
        this.resources = Directories.readText(lab.dir(), lab.mainResources());
    }

    /** The starter version of a learner file, made from the instructor's reference (once, then kept). */
    public String starterVersion(String learnerFile) {
        return starterVersions.computeIfAbsent(learnerFile, file -> {
            String text = reference.containsKey(file) ? reference.get(file) : readLabFile(file);
            return SolutionStripper.strip(text, file, lab.taskOf(file).orElse(null));
        });
    }

    /** The lab's Java sources as the learner edition has them: every learner file in its starter version. */
    public Map<String, String> starterSources() {
        Map<String, String> sources = new TreeMap<>(reference);
        lab.catalogue().learnerFiles().stream()
                .filter(file -> file.endsWith(".java"))
                .forEach(file -> sources.put(file, starterVersion(file)));
        return sources;
    }

    /** Compiles into {@code classes}, also copying the lab's main resources there. */
    public CompileOutcome compile(Map<String, String> learnerFiles, Path classes) {
        Map<String, String> sources = new TreeMap<>(reference);
        Set<String> editable = lab.catalogue().learnerFiles();
        for (String file : editable) {
            if (file.endsWith(".java")) {
                sources.put(file, learnerFiles.containsKey(file) ? learnerFiles.get(file) : starterVersion(file));
            }
        }
        Map<String, CompileProblem> problems = new LinkedHashMap<>();
        for (int round = 0; round <= editable.size() + 1; round++) {
            Directories.recreate(classes);
            Map<String, List<String>> errors = compiler.compile(sources, lab.mainClasspath(), classes);
            if (errors.isEmpty()) {
                copyResources(learnerFiles, classes);
                return new CompileOutcome(new ArrayList<>(problems.values()));
            }
            List<String> toSwap = errors.keySet().stream()
                    .filter(file -> editable.contains(file) && !problems.containsKey(file))
                    .toList();
            String blame = null;
            if (toSwap.isEmpty()) {
                // Errors only in the instructor's files: some learner file changed an API they use.
                toSwap = editable.stream()
                        .filter(f -> f.endsWith(".java") && learnerFiles.containsKey(f) && !problems.containsKey(f))
                        .toList();
                blame = String.join(
                        "\n", errors.values().stream().flatMap(List::stream).toList());
                if (toSwap.isEmpty()) {
                    throw GraderException.infrastructure(
                            "the lab does not compile even with its starter files:\n" + blame, null);
                }
            }
            for (String file : toSwap) {
                List<String> messages = errors.get(file);
                String message = messages != null
                        ? String.join("\n", messages)
                        : "other files of the lab no longer compile against this file:\n" + blame;
                problems.put(file, new CompileProblem(file, firstLine(message), message));
                sources.put(file, starterVersion(file));
            }
        }
        throw GraderException.infrastructure("the submission's sources did not settle into a compiling set", null);
    }

    private static long firstLine(String message) {
        java.util.regex.Matcher line =
                java.util.regex.Pattern.compile("^[^:\\n]+:(\\d+):").matcher(message);
        return line.find() ? Long.parseLong(line.group(1)) : 0;
    }

    private void copyResources(Map<String, String> learnerFiles, Path classes) {
        Map<String, String> resources = new TreeMap<>(this.resources);
        for (String file : lab.catalogue().learnerFiles()) {
            if (file.startsWith("src/main/resources/")) {
                resources.put(file, learnerFiles.containsKey(file) ? learnerFiles.get(file) : starterVersion(file));
            }
        }
        resources.forEach((file, text) -> {
            Path target = classes.resolve(file.substring("src/main/resources/".length()));
            try {
                Files.createDirectories(target.getParent());
                Files.writeString(target, text);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy resource " + file, e);
            }
        });
    }

    private String readLabFile(String relative) {
        try {
            return Files.readString(lab.dir().resolve(relative));
        } catch (IOException e) {
            throw GraderException.infrastructure("the lab's own file " + relative + " cannot be read", e);
        }
    }
}

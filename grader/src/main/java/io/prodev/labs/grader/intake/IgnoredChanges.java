package io.prodev.labs.grader.intake;

import io.prodev.labs.grader.lab.PreparedLab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lists the files a submission added or changed outside the learner-editable ones: they are not
 * graded, and the learner is told so (an edited test cannot make itself pass).
 */
final class IgnoredChanges {

    static final int MAX_LISTED = 10;
    private static final Set<String> SKIPPED_FOLDERS =
            Set.of("target", ".git", ".idea", ".vscode", ".mvn", "bin", "out");

    private IgnoredChanges() {}

    static List<String> list(Path submittedLab, PreparedLab lab) {
        Set<String> learnerFiles = lab.catalogue().learnerFiles();
        List<String> changed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(submittedLab)) {
            files.filter(Files::isRegularFile)
                    .map(file -> submittedLab.relativize(file).toString().replace('\\', '/'))
                    .filter(relative -> !learnerFiles.contains(relative) && !skipped(relative))
                    .sorted()
                    .forEach(relative ->
                            describe(submittedLab, lab.dir(), relative).ifPresent(changed::add));
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of("could not look through the submission for other changes: " + e.getMessage());
        }
        if (changed.isEmpty()) {
            return List.of();
        }
        List<String> notes = new ArrayList<>(changed.subList(0, Math.min(MAX_LISTED, changed.size())));
        if (changed.size() > MAX_LISTED) {
            notes.add("... and " + (changed.size() - MAX_LISTED) + " more files you are not asked to edit: ignored");
        }
        return notes;
    }

    private static boolean skipped(String relative) {
        return Arrays.stream(relative.split("/")).anyMatch(SKIPPED_FOLDERS::contains) || relative.endsWith(".class");
    }

    private static java.util.Optional<String> describe(Path submittedLab, Path instructorLab, String relative) {
        Path theirs = submittedLab.resolve(relative);
        Path ours = instructorLab.resolve(relative);
        try {
            if (!Files.exists(ours)) {
                return java.util.Optional.of(
                        relative + " was added: ignored (only the files you are asked to edit are graded)");
            }
            if (Files.mismatch(theirs, ours) != -1) {
                return java.util.Optional.of(relative + " was changed: ignored, the instructor's version was used");
            }
        } catch (IOException e) {
            return java.util.Optional.of(relative + " could not be compared: ignored");
        }
        return java.util.Optional.empty();
    }
}

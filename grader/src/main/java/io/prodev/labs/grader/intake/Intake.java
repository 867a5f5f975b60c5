package io.prodev.labs.grader.intake;

import io.prodev.labs.grader.lab.PreparedLab;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes from a submission (a learner-edition folder, its lab folder, or a zip of either) only the files
 * a learner is meant to edit. Everything else that differs from the instructor's lab (tests, build
 * files) is ignored and listed in the notes, so a learner cannot grade themselves with edited tests.
 */
public final class Intake {

    static final long MAX_FILE_BYTES = 512 * 1024;

    private final PreparedLab lab;

    public Intake(PreparedLab lab) {
        this.lab = lab;
    }

    /** The id a submission path gets: its file name without a .zip ending. */
    public static String submissionId(Path submission) {
        String name = submission.toAbsolutePath().normalize().getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
    }

    /** @param scratch a private folder for unpacking a zip */
    public IntakeResult take(Path submission, Path scratch) {
        String id = submissionId(submission);
        List<String> notes = new ArrayList<>();
        Path root = submission;
        if (Files.isRegularFile(submission)
                && submission.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
            root = scratch.resolve("unzipped");
            try {
                SafeUnzip.unzip(submission, root, notes);
            } catch (IOException e) {
                return IntakeResult.rejected(id, notes, "the zip could not be read: " + e.getMessage());
            }
        } else if (!Files.isDirectory(submission)) {
            return IntakeResult.rejected(id, notes, "a submission must be a folder or a .zip, got: " + submission);
        }
        LabLocator.Located located = new LabLocator(lab.name()).locate(root);
        if (located.error() != null) {
            return IntakeResult.rejected(id, notes, located.error());
        }
        Map<String, String> files = learnerFiles(located.labDir(), notes);
        notes.addAll(IgnoredChanges.list(located.labDir(), lab));
        return new IntakeResult(id, files, notes, null);
    }

    private Map<String, String> learnerFiles(Path labDir, List<String> notes) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String relative : lab.catalogue().learnerFiles()) {
            readLearnerFile(labDir, relative, notes).ifPresent(text -> files.put(relative, text));
        }
        return files;
    }

    private static Optional<String> readLearnerFile(Path labDir, String relative, List<String> notes) {
        Path file = labDir.resolve(relative);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            notes.add(relative + " is missing: its starter version was graded");
            return Optional.empty();
        }
        try {
            if (Files.isSymbolicLink(file) || !file.toRealPath().startsWith(labDir.toRealPath())) {
                notes.add(relative + " is a link: ignored, its starter version was graded");
                return Optional.empty();
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                notes.add(relative + " is larger than " + MAX_FILE_BYTES / 1024
                        + " KB: ignored, its starter version was graded");
                return Optional.empty();
            }
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString());
        } catch (CharacterCodingException e) {
            notes.add(relative + " is not UTF-8 text: ignored, its starter version was graded");
        } catch (IOException e) {
            notes.add(relative + " could not be read (" + e.getMessage() + "): its starter version was graded");
        }
        return Optional.empty();
    }
}

package io.prodev.labs.grader.starter;

import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The learner edition of one lab: every file of the lab but its build output and its hidden tests,
 * with each learner file's solution regions cut out.
 */
final class LabEdition {

    /** {@code @Hidden} used as an annotation in code, not mentioned in a comment or Javadoc line. */
    private static final Pattern HIDDEN_ANNOTATION = Pattern.compile(
            "^(?!\\s*(?://|\\*|/\\*)).*?(?<![\\w.])@(?:io\\.prodev\\.labs\\.labkit\\.)?Hidden\\b", Pattern.MULTILINE);

    private LabEdition() {}

    static List<StarterFile> files(RepoFiles repo, String lab) {
        Path labDir = repo.resolve(lab);
        LabCatalogue catalogue = LabCatalogue.read(labDir.resolve(LabCatalogue.FILE_NAME));
        Map<String, LabTask> taskOfFile = learnerFiles(catalogue, labDir, lab);
        List<StarterFile> files = new ArrayList<>();
        for (Path file : repo.walk(labDir, path -> path.equals("target"))) {
            String inLab = RepoFiles.slashes(labDir.relativize(file));
            String where = lab + "/" + inLab;
            byte[] bytes = repo.read(file);
            LabTask task = taskOfFile.get(inLab);
            if (task != null) {
                String learnerVersion = SolutionStripper.strip(strictUtf8(bytes, where), where, task);
                files.add(new StarterFile(where, learnerVersion.getBytes(StandardCharsets.UTF_8), false));
                continue;
            }
            // Lenient decoding is enough to look for markers; the file itself is copied byte for byte.
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (isHiddenTest(inLab, text)) {
                continue;
            }
            if (SolutionStripper.hasRegions(text)) {
                throw new IllegalArgumentException(where + " has solution-region markers, but no task of " + lab
                        + "/lab.json lists it; regions belong only in learner files");
            }
            files.add(new StarterFile(where, bytes, Files.isExecutable(file)));
        }
        return files;
    }

    /** Each learner file with the first task that lists it; every one must exist. */
    private static Map<String, LabTask> learnerFiles(LabCatalogue catalogue, Path labDir, String lab) {
        Map<String, LabTask> taskOfFile = new HashMap<>();
        for (LabTask task : catalogue.tasks()) {
            for (String file : task.files()) {
                if (!Files.isRegularFile(labDir.resolve(file))) {
                    throw new IllegalArgumentException(lab + "/lab.json: task " + task.id() + " lists " + file
                            + ", which does not exist in " + lab);
                }
                taskOfFile.putIfAbsent(
                        RepoFiles.slashes(labDir.relativize(labDir.resolve(file).normalize())), task);
            }
        }
        return taskOfFile;
    }

    static boolean isHiddenTest(String inLab, String text) {
        return inLab.startsWith("src/test/")
                && inLab.endsWith(".java")
                && HIDDEN_ANNOTATION.matcher(text).find();
    }

    private static String strictUtf8(byte[] bytes, String where) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(where + " is a learner file but not UTF-8 text", e);
        }
    }
}

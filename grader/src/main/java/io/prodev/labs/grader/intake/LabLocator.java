package io.prodev.labs.grader.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodev.labs.grader.lab.LabFolders;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the lab folder inside a submission: the submission itself, its {@code <lab>/} folder, or either
 * one level down (a zip that wraps everything in one folder). Tells a submission of another lab and an
 * empty one apart from a lab that is simply missing.
 */
final class LabLocator {

    record Located(Path labDir, String error) {}

    private final String lab;

    LabLocator(String lab) {
        this.lab = lab;
    }

    Located locate(Path root) {
        List<Path> candidates = new ArrayList<>(List.of(root, root.resolve(lab)));
        onlyChildFolder(root).ifPresent(child -> candidates.addAll(List.of(child, child.resolve(lab))));
        for (Path candidate : candidates) {
            Optional<String> declared = declaredLab(candidate);
            if (declared.isPresent() && !declared.get().equals(lab)) {
                return new Located(null, "this is a submission for " + declared.get() + ", not " + lab);
            }
            boolean named = candidate.getFileName() != null
                    && candidate.getFileName().toString().equals(lab);
            if (declared.isPresent() || named && Files.isDirectory(candidate.resolve("src"))) {
                return new Located(candidate, null);
            }
        }
        Optional<String> otherLab = otherLabFolder(root);
        if (otherLab.isPresent()) {
            return new Located(null, "this is a submission for " + otherLab.get() + ", not " + lab);
        }
        if (isEmpty(root)) {
            return new Located(null, "the submission is empty");
        }
        return new Located(
                null,
                "no " + lab + " folder found in the submission (expected " + lab
                        + "/src/... or the lab folder itself)");
    }

    private static Optional<String> declaredLab(Path dir) {
        Path catalogue = dir.resolve(LabCatalogue.FILE_NAME);
        if (!Files.isRegularFile(catalogue)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(
                    new ObjectMapper().readTree(catalogue.toFile()).path("lab").asText(null));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> onlyChildFolder(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            List<Path> all = children.filter(
                            child -> !child.getFileName().toString().startsWith("."))
                    .toList();
            return all.size() == 1 && Files.isDirectory(all.get(0)) ? Optional.of(all.get(0)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<String> otherLabFolder(Path root) {
        try (Stream<Path> dirs = Files.walk(root, 2)) {
            return dirs.filter(dir -> !dir.equals(root) && Files.isDirectory(dir))
                    .map(dir -> dir.getFileName().toString())
                    .filter(name -> LabFolders.hasLabName(name) && !name.equals(lab))
                    .sorted()
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isEmpty(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.noneMatch(Files::isRegularFile);
        } catch (IOException e) {
            return false;
        }
    }
}

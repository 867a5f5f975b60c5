package io.prodev.labs.grader.lab;

import io.prodev.labs.labkit.catalogue.LabCatalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one rule for which folders are labs: a top-level folder of the repository whose name ends in
 * {@value #NAME_SUFFIX} and that holds a lab.json. The grader, the learner edition and intake all ask here.
 */
public final class LabFolders {

    /** Every lab's folder name ends so ("caching-lab"); in a submission, such a folder names its lab. */
    public static final String NAME_SUFFIX = "-lab";

    private LabFolders() {}

    /** Whether a folder name is a lab's ("redis-lab"), with or without a lab.json beside it. */
    public static boolean hasLabName(String folderName) {
        return folderName.endsWith(NAME_SUFFIX) && folderName.length() > NAME_SUFFIX.length();
    }

    /** Whether {@code dir} is a lab: a lab's name and a lab.json. */
    public static boolean isLab(Path dir) {
        Path name = dir.getFileName();
        return name != null && hasLabName(name.toString()) && Files.isRegularFile(dir.resolve(LabCatalogue.FILE_NAME));
    }

    /** The labs of a repository, by folder name, sorted. */
    public static List<String> labs(Path repo) {
        try (Stream<Path> children = Files.list(repo)) {
            return children.filter(Files::isDirectory)
                    .filter(LabFolders::isLab)
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the labs of " + repo, e);
        }
    }
}

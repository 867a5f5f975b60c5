package io.prodev.labs.grader.report;

import io.prodev.labs.labkit.catalogue.LabCatalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Joins the reports of shards ({@code grade --shard K/N}) into one: every submission folder, one
 * gradebook, the catalogue and a fresh index. Every shard is checked before anything is copied.
 */
public final class Merge {

    private Merge() {}

    public static void merge(List<Path> shardDirs, Path outDir) {
        if (shardDirs.isEmpty()) {
            throw new IllegalArgumentException("merge needs at least one shard directory");
        }
        List<String> header = null;
        LabCatalogue catalogue = null;
        Map<String, Path> shardOf = new HashMap<>();
        List<GradebookRow> rows = new ArrayList<>();
        for (Path dir : shardDirs) {
            Path gradebook = dir.resolve(Gradebook.FILE_NAME);
            Path lab = dir.resolve(CatalogueJson.FILE_NAME);
            if (!Files.isRegularFile(gradebook) || !Files.isRegularFile(lab)) {
                throw new IllegalArgumentException(dir + " is not a shard's report: it needs " + Gradebook.FILE_NAME
                        + " and " + CatalogueJson.FILE_NAME);
            }
            List<String> shardHeader = Gradebook.readHeader(gradebook);
            LabCatalogue shardCatalogue = LabCatalogue.read(lab);
            if (header == null) {
                if (!shardHeader.equals(Gradebook.header(shardCatalogue))) {
                    throw new IllegalArgumentException(dir + ": the gradebook's task columns do not match its "
                            + CatalogueJson.FILE_NAME + ": " + String.join(",", shardHeader));
                }
                header = shardHeader;
                catalogue = shardCatalogue;
            } else if (!header.equals(shardHeader) || !catalogue.equals(shardCatalogue)) {
                throw new IllegalArgumentException(
                        dir + " was graded against another catalogue: its gradebook header is "
                                + String.join(",", shardHeader) + ", expected " + String.join(",", header)
                                + " (and the same " + CatalogueJson.FILE_NAME + ")");
            }
            for (GradebookRow row : Gradebook.read(gradebook)) {
                String id = SubmissionIds.requireSafe(row.submissionId());
                Path earlier = shardOf.putIfAbsent(id, dir);
                if (earlier != null) {
                    throw new IllegalArgumentException(
                            "submission " + id + " appears in two shards: " + earlier + " and " + dir);
                }
                if (!Files.isDirectory(dir.resolve(id))) {
                    throw new IllegalArgumentException(dir + " lists submission " + id + " but has no folder for it");
                }
                rows.add(row);
            }
        }
        for (Map.Entry<String, Path> entry : shardOf.entrySet()) {
            copyTree(entry.getValue().resolve(entry.getKey()), outDir.resolve(entry.getKey()));
        }
        Gradebook.writeRows(header, rows, outDir.resolve(Gradebook.FILE_NAME));
        CatalogueJson.write(catalogue, outDir.resolve(CatalogueJson.FILE_NAME));
        IndexHtml.write(catalogue, rows, outDir.resolve(IndexHtml.FILE_NAME));
    }

    private static void copyTree(Path from, Path to) {
        if (from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize())) {
            return; // merging into one of the shards: its folders are already there
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.sorted().toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}

package io.prodev.labs.grader.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.nio.file.Path;

/**
 * The catalogue copied into a report as lab.json, field by field in labkit's format, so that
 * {@link LabCatalogue#read} reads it back and merge can rebuild the index without the repository.
 */
public final class CatalogueJson {

    public static final String FILE_NAME = LabCatalogue.FILE_NAME;

    private CatalogueJson() {}

    public static void write(LabCatalogue catalogue, Path file) {
        ObjectNode root = JsonFiles.mapper()
                .createObjectNode()
                .put("lab", catalogue.lab())
                .put("title", catalogue.title())
                .put("curriculum", catalogue.curriculum());
        ArrayNode tasks = root.putArray("tasks");
        for (LabTask task : catalogue.tasks()) {
            ObjectNode node = tasks.addObject()
                    .put("id", task.id())
                    .put("title", task.title())
                    .put("points", task.points());
            ArrayNode files = node.putArray("files");
            task.files().forEach(files::add);
        }
        JsonFiles.write(root, file);
    }
}

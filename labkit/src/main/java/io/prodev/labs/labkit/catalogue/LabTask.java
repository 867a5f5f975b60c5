package io.prodev.labs.labkit.catalogue;

import java.util.List;

/**
 * One task of a lab's catalogue.
 *
 * @param id     the id tests name in {@code @Task} ("0", "1", ...)
 * @param title  a short title ("LRUCache")
 * @param points what the task is worth when all its tests pass
 * @param files  the files a learner edits for it, relative to the lab's folder
 */
public record LabTask(String id, String title, int points, List<String> files) {

    public LabTask {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a task needs an id, got: " + id);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("task " + id + " needs a title, got: " + title);
        }
        if (points < 0) {
            throw new IllegalArgumentException("task " + id + " has negative points: " + points);
        }
        files = files == null ? List.of() : List.copyOf(files);
    }
}

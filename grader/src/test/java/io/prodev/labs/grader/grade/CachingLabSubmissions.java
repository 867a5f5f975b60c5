package io.prodev.labs.grader.grade;

import io.prodev.labs.grader.lab.LabPreparer;
import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.grader.model.SubmissionResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds caching-lab submissions for the grader's scenario tests, starting from the reference solution. */
final class CachingLabSubmissions {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final String LRU = "src/main/java/io/prodev/labs/caching/LRUCache.java";
    static final String LRU_TEST = "src/test/java/io/prodev/labs/caching/LRUCacheTest.java";
    static final String GET = "public Object get(String key) {";

    private CachingLabSubmissions() {}

    static PreparedLab lab() {
        return LabPreparer.prepare(REPO, "caching-lab", message -> {});
    }

    /** A learner-edition shaped folder {@code dir/id/caching-lab/...} holding the reference's learner files. */
    static Path reference(Path dir, String id) throws IOException {
        Path lab = dir.resolve(id).resolve("caching-lab");
        for (String file : lab().catalogue().learnerFiles()) {
            Path target = lab.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(REPO.resolve("caching-lab").resolve(file), target);
        }
        Files.copy(REPO.resolve("caching-lab/lab.json"), lab.resolve("lab.json"));
        return dir.resolve(id);
    }

    /** The reference, with {@code statement} run first thing in LRUCache.get. */
    static Path withLruGetDoing(Path dir, String id, String statement) throws IOException {
        Path submission = reference(dir, id);
        Path lru = submission.resolve("caching-lab").resolve(LRU);
        String text = Files.readString(lru);
        if (!text.contains(GET)) {
            throw new IllegalStateException("LRUCache.java no longer has '" + GET + "': update the scenario tests");
        }
        Files.writeString(lru, text.replace(GET, GET + "\n        " + statement));
        return submission;
    }

    static Path zip(Path target, Map<String, String> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(target);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return target;
    }

    /** The first few failing tests of a result, with their messages: what an assertion on points should show. */
    static List<String> failing(SubmissionResult result) {
        List<String> failing = new ArrayList<>();
        result.tests().stream()
                .filter(test -> !test.passed())
                .limit(5)
                .forEach(test -> failing.add(test.name() + ": " + test.message()));
        return failing;
    }
}

package io.prodev.labs.grader.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabDocsCheckTest {

    private static final String FIFO = "src/main/java/demo/FIFOCache.java";
    private static final String LRU = "src/main/java/demo/LRUCache.java";
    private static final LabCatalogue CATALOGUE = new LabCatalogue(
            "demo-lab",
            "Demo",
            "Caching",
            List.of(new LabTask("1", "FIFOCache", 10, List.of(FIFO)), new LabTask("2", "LRUCache", 15, List.of(LRU))));
    private static final String SOLVED = "class C {\n    void f() {\n        // BEGIN SOLUTION\n        g();\n"
            + "        // END SOLUTION\n    }\n}\n";

    @TempDir
    Path lab;

    @BeforeEach
    void writeAConsistentLab() throws IOException {
        writeReadme("""
                | id | task | points | files you edit |
                | --- | --- | --- | --- |
                | 1 | FIFOCache | 10 | `FIFOCache.java` |
                | 2 | LRUCache | 15 | `LRUCache.java` |

                ## Task 1 — FIFOCache

                ```markdown
                ## Task 9 — an example heading inside a code block is not a section
                ```

                ## Task 2 — LRUCache
                """);
        write(FIFO, SOLVED);
        write(LRU, SOLVED);
    }

    @Test
    void findsNoProblemWhenReadmeFilesAndCatalogueAgree() {
        assertThat(LabDocsCheck.problems(lab, CATALOGUE))
                .as("problems of a consistent lab")
                .isEmpty();
    }

    @Test
    void reportsATableRowWhosePointsDifferFromTheCatalogue() throws IOException {
        rewriteReadme("| 2 | LRUCache | 15 |", "| 2 | LRUCache | 20 |");

        assertThat(LabDocsCheck.problems(lab, CATALOGUE))
                .as("problems with 20 points in the README")
                .containsExactly("README.md task table row for task 2 reads \"2 | LRUCache | 20 | `LRUCache.java`\";"
                        + " lab.json says title \"LRUCache\", 15 points");
    }

    @Test
    void reportsATableRowForATaskTheCatalogueDoesNotHave() throws IOException {
        rewriteReadme(
                "| 2 | LRUCache | 15 | `LRUCache.java` |",
                "| 2 | LRUCache | 15 | `LRUCache.java` |\n| 3 | LFUCache | 5 | `LFUCache.java` |");

        assertThat(LabDocsCheck.problems(lab, CATALOGUE))
                .as("problems with an extra row")
                .containsExactly("README.md task table has a row for task 3, which lab.json does not have");
    }

    @Test
    void reportsAMissingTaskSection() throws IOException {
        rewriteReadme("## Task 2 — LRUCache", "## LRU");

        assertThat(LabDocsCheck.problems(lab, CATALOGUE))
                .as("problems without a Task 2 heading")
                .containsExactly("README.md has no \"## Task N — title\" section for task 2");
    }

    @Test
    void reportsAHeadingWithAHyphenInsteadOfAnEmDash() throws IOException {
        rewriteReadme("## Task 1 — FIFOCache", "## Task 1 - FIFOCache");

        assertThat(LabDocsCheck.problems(lab, CATALOGUE))
                .as("problems with a hyphen heading")
                .containsExactly("README.md section \"## Task 1 - FIFOCache\" should read \"## Task 1 — FIFOCache\""
                        + " (an em dash, and the title of lab.json)");
    }

    @Test
    void reportsSectionsOutOfCatalogueOrder() throws IOException {
        rewriteReadme("## Task 1 — FIFOCache", "## Task 0 — placeholder");
        rewriteReadme("## Task 2 — LRUCache", "## Task 2 — LRUCache\n\n## Task 1 — FIFOCache");

        assertThat(LabDocsCheck.problems(lab, CATALOGUE))
                .as("problems with task 2 before task 1")
                .containsExactly(
                        "README.md has a section \"## Task 0 — placeholder\" for a task lab.json does not have",
                        "README.md has its \"## Task N — title\" sections in the order [2, 1]; lab.json has [1, 2]");
    }

    @Test
    void reportsALearnerFileThatDoesNotExist() throws IOException {
        Files.delete(lab.resolve(LRU));

        assertThat(LabDocsCheck.problems(lab, CATALOGUE))
                .as("problems with LRUCache.java missing")
                .containsExactly("task 2 lists " + LRU + " in lab.json, but the file does not exist");
    }

    @Test
    void reportsALearnerJavaFileWithoutASolutionRegion() throws IOException {
        write(FIFO, "class FIFOCache {\n    void f() {\n        g();\n    }\n}\n");

        assertThat(LabDocsCheck.problems(lab, CATALOGUE))
                .as("problems with an unmarked learner file")
                .containsExactly(FIFO + " (task 1) has no solution region: the learner edition would hand out"
                        + " the reference solution");
    }

    @Test
    void reportsABrokenRegionWithItsFileAndLine() throws IOException {
        write(LRU, "class LRUCache {\n    // BEGIN SOLUTION\n}\n");

        assertThat(LabDocsCheck.problems(lab, CATALOGUE))
                .as("problems with an unclosed region")
                .containsExactly(LRU + ":2: BEGIN SOLUTION is never closed by an END SOLUTION");
    }

    @Test
    void reportsAReadmeWithoutATaskTable() throws IOException {
        writeReadme("## Task 1 — FIFOCache\n\n## Task 2 — LRUCache\n");

        assertThat(LabDocsCheck.problems(lab, CATALOGUE))
                .as("problems without a table")
                .containsExactly("README.md has no task table (a table whose first column is \"id\")");
    }

    private void writeReadme(String text) throws IOException {
        Files.writeString(lab.resolve("README.md"), "# demo-lab\n\n" + text);
    }

    private void rewriteReadme(String from, String to) throws IOException {
        String readme = Files.readString(lab.resolve("README.md"));
        assertThat(readme).as("README before the edit").contains(from);
        Files.writeString(lab.resolve("README.md"), readme.replace(from, to));
    }

    private void write(String relativePath, String text) throws IOException {
        Files.createDirectories(lab.resolve(relativePath).getParent());
        Files.writeString(lab.resolve(relativePath), text);
    }
}

package io.prodev.labs.labkit.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabCatalogueTest {

    @TempDir
    Path dir;

    @Test
    void readsTasksPointsAndLearnerFiles() throws IOException {
        LabCatalogue catalogue = LabCatalogue.read(write("""
                {"lab": "x-lab", "title": "X", "curriculum": "c", "tasks": [
                  {"id": "0", "title": "Zero", "points": 5, "files": ["A.java", "B.java"]},
                  {"id": "1", "title": "One", "points": 10, "files": ["B.java", "C.java"]}]}
                """));

        assertThat(catalogue.maxPoints()).isEqualTo(15);
        assertThat(catalogue.task("1")).map(LabTask::title).contains("One");
        assertThat(catalogue.learnerFiles()).containsExactly("A.java", "B.java", "C.java");
    }

    @Test
    void readsTheFixturesTheLabNeedsAndNoneWhenItNamesNone() throws IOException {
        LabCatalogue withRedis = LabCatalogue.read(write("""
                {"lab": "x-lab", "title": "X", "curriculum": "c", "fixtures": ["redis"], "tasks": []}
                """));
        LabCatalogue without = new LabCatalogue("y-lab", "Y", "c", java.util.List.of());

        assertThat(withRedis.fixtures()).containsExactly("redis");
        assertThat(without.fixtures()).isEmpty();
    }

    @Test
    void rejectsAFixtureNamedTwice() throws IOException {
        Path file = write("""
                {"lab": "x-lab", "title": "X", "curriculum": "c", "fixtures": ["redis", "redis"], "tasks": []}
                """);

        assertThatThrownBy(() -> LabCatalogue.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names a fixture twice: [redis, redis]");
    }

    @Test
    void rejectsARepeatedTaskIdNamingIt() throws IOException {
        Path file = write("""
                {"lab": "x-lab", "title": "X", "curriculum": "c", "tasks": [
                  {"id": "4", "title": "A", "points": 1, "files": []},
                  {"id": "4", "title": "B", "points": 1, "files": []}]}
                """);

        assertThatThrownBy(() -> LabCatalogue.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("task id 4 appears twice");
    }

    @Test
    void rejectsAnUnknownFieldNamingTheFile() throws IOException {
        Path file = write("""
                {"lab": "x-lab", "title": "X", "curriculum": "c", "taks": []}
                """);

        assertThatThrownBy(() -> LabCatalogue.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("taks");
    }

    @Test
    void rejectsNegativePoints() throws IOException {
        Path file = write("""
                {"lab": "x-lab", "title": "X", "curriculum": "c", "tasks": [
                  {"id": "1", "title": "A", "points": -3, "files": []}]}
                """);

        assertThatThrownBy(() -> LabCatalogue.read(file)).hasMessageContaining("-3");
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("lab.json"), json);
    }
}

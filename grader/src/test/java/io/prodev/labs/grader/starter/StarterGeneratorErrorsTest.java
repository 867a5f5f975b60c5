package io.prodev.labs.grader.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad requests and bad labs: each fails with a message naming the bad value, and nothing is written. */
class StarterGeneratorErrorsTest {

    @TempDir
    Path temp;

    Path repo;
    Path out;

    @BeforeEach
    void createRepo() {
        repo = FakeRepo.create(temp.resolve("repo"));
        out = temp.resolve("starter");
    }

    @Test
    void refusesAnOutputFolderThatIsNotEmpty() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> StarterGenerator.generate(repo, List.of("demo-lab"), out))
                .as("generating into a folder with files")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(out.toString())
                .hasMessageContaining("not empty");
        assertThat(out.resolve("notes.txt"))
                .as("the existing file is untouched")
                .hasContent("mine");
    }

    @Test
    void namesAnUnknownLabAndListsTheLabsThatExist() {
        assertThatThrownBy(() -> StarterGenerator.generate(repo, List.of("redis-lab"), out))
                .as("an unknown lab")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown lab \"redis-lab\"; the labs are: demo-lab");
        assertThat(out).as("nothing written for a bad request").doesNotExist();
    }

    @Test
    void rejectsARegionInAFileThatNoTaskListsAndWritesNothing() {
        FakeRepo.write(
                repo,
                "demo-lab/src/main/java/demo/Main.java",
                "package demo;\nclass Main {\n    // BEGIN SOLUTION: remove\n    int secret;\n    // END SOLUTION\n}\n");

        assertThatThrownBy(() -> StarterGenerator.generate(repo, List.of("demo-lab"), out))
                .as("a region outside the learner files")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("demo-lab/src/main/java/demo/Main.java has solution-region markers");
        assertThat(out).as("nothing written after a bad region").doesNotExist();
    }

    @Test
    void rejectsALearnerFileWithABrokenRegionNamingItsLine() {
        FakeRepo.write(repo, "demo-lab/" + FakeRepo.LEARNER_FILE, "class Adder {\n    // END SOLUTION\n}\n");

        assertThatThrownBy(() -> StarterGenerator.generate(repo, List.of("demo-lab"), out))
                .as("an END without BEGIN in a learner file")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("demo-lab/" + FakeRepo.LEARNER_FILE + ":2: END SOLUTION without");
    }

    @Test
    void namesALearnerFileThatLabJsonListsButDoesNotExist() throws IOException {
        Files.delete(repo.resolve("demo-lab/src/main/resources/schema.sql"));

        assertThatThrownBy(() -> StarterGenerator.generate(repo, List.of("demo-lab"), out))
                .as("a catalogue that lists a missing file")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "demo-lab/lab.json: task 2 lists src/main/resources/schema.sql, which does not exist in demo-lab");
    }

    @Test
    void refusesASymbolicLinkThatLeadsOutOfTheRepository() throws IOException {
        Path secret = Files.writeString(temp.resolve("outside.txt"), "instructor's notes");
        Files.createSymbolicLink(repo.resolve("demo-lab/notes.txt"), secret);

        assertThatThrownBy(() -> StarterGenerator.generate(repo, List.of("demo-lab"), out))
                .as("a link to a file outside the repository")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("demo-lab/notes.txt is a symbolic link to ");
        assertThat(out).as("nothing written after a link out of the repository").doesNotExist();
    }
}

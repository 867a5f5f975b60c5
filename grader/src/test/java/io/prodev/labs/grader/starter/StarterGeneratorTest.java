package io.prodev.labs.grader.starter;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.grader.lab.LabFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StarterGeneratorTest {

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
    void listsOnlyTopLevelLabFoldersThatHaveACatalogue() {
        assertThat(LabFolders.labs(repo)).as("labs of the fake repo").containsExactly("demo-lab");
    }

    @Test
    void rewritesTheRootModulesToTheLabkitModulesTheLabNeedsAndTheChosenLabsWithoutTheGrader() throws IOException {
        StarterGenerator.generate(repo, List.of("demo-lab"), out);

        String pom = Files.readString(out.resolve("pom.xml"));
        assertThat(pom)
                .as("learner edition's root pom (demo-lab needs labkit-extra, which needs labkit)")
                .contains(
                        "<module>labkit</module>\n    <module>labkit-extra</module>\n    <module>demo-lab</module>\n  </modules>")
                .doesNotContain("labkit-unused")
                .doesNotContain("grader")
                .startsWith("<project>\n  <artifactId>prodev-labs</artifactId>\n  <modules>\n");
    }

    @Test
    void stripsLearnerFilesWithTheirTasks() throws IOException {
        StarterGenerator.generate(repo, List.of("demo-lab"), out);

        assertThat(Files.readString(out.resolve("demo-lab/" + FakeRepo.LEARNER_FILE)))
                .as("learner Adder.java")
                .contains("        throw new UnsupportedOperationException(\"Task 1 (Adder): not implemented yet\");")
                .doesNotContain("a + b", "SOLUTION");
        assertThat(Files.readString(out.resolve("demo-lab/src/main/resources/schema.sql")))
                .as("learner schema.sql")
                .isEqualTo("CREATE TABLE sums (a INTEGER, b INTEGER);\n");
    }

    @Test
    void leavesOutHiddenTestsBuildOutputLabkitTestsAndTheGrader() throws IOException {
        StarterGenerator.generate(repo, List.of("demo-lab"), out);

        assertThat(out.resolve("demo-lab/src/test/java/demo/AdderTest.java"))
                .as("a visible test whose Javadoc mentions @Hidden")
                .exists();
        assertThat(out.resolve("demo-lab/src/test/java/demo/AdderHiddenTest.java"))
                .as("a @Hidden test")
                .doesNotExist();
        assertThat(out.resolve("demo-lab/target")).as("the lab's build output").doesNotExist();
        assertThat(out.resolve("labkit/src/test")).as("labkit's own tests").doesNotExist();
        assertThat(out.resolve("labkit/target")).as("labkit's build output").doesNotExist();
        assertThat(out.resolve("labkit/src/main/java/io/prodev/labs/labkit/Hidden.java"))
                .as("labkit main code")
                .exists();
        assertThat(out.resolve("labkit-extra/src/main/java/io/prodev/labs/labkit/extra/Extra.java"))
                .as("a labkit module the lab's pom.xml depends on")
                .exists();
        assertThat(out.resolve("labkit-unused"))
                .as("a labkit module no chosen lab depends on")
                .doesNotExist();
        assertThat(out.resolve("grader")).as("the instructor's grader").doesNotExist();
        assertThat(out.resolve("docs")).as("instructor docs").doesNotExist();
    }

    @Test
    void shipsAnExecutableWrapperThatBuildsLabkitWithoutDashAm() throws IOException {
        StarterGenerator.generate(repo, List.of("demo-lab"), out);

        assertThat(Files.isExecutable(out.resolve("mvnw")))
                .as("mvnw is executable")
                .isTrue();
        assertThat(out.resolve("mvnw.cmd")).as("Windows wrapper").exists();
        assertThat(out.resolve(".mvn/wrapper/maven-wrapper.properties"))
                .as("wrapper properties")
                .exists();
        assertThat(out.resolve(".gitignore")).as(".gitignore").hasContent("target/");
        assertThat(Files.readString(out.resolve(".mvn/maven.config")))
                .as("maven.config")
                .isEqualTo("--also-make\n");
    }

    @Test
    void writesALearnerReadmeLinkingEachLabAndItsCommands() throws IOException {
        StarterGenerator.generate(repo, List.of("demo-lab"), out);

        assertThat(Files.readString(out.resolve("README.md")))
                .as("learner README")
                .contains(
                        "[demo-lab](demo-lab/README.md)",
                        "./mvnw -pl demo-lab test",
                        "./mvnw -pl demo-lab test -Dtask=1",
                        "every task fails until it is implemented");
    }

    @Test
    void writesTheSameFilesEveryTime() throws IOException {
        StarterGenerator.generate(repo, List.of("demo-lab"), out);
        Path again = temp.resolve("again");
        StarterGenerator.generate(repo, List.of("demo-lab"), again);

        for (Path file : files(out)) {
            assertThat(again.resolve(out.relativize(file)))
                    .as("second edition's " + out.relativize(file))
                    .hasSameBinaryContentAs(file);
        }
        assertThat(files(again)).as("file count of the second edition").hasSameSizeAs(files(out));
    }

    @Test
    void acceptsAnEmptyOutputFolder() throws IOException {
        Files.createDirectories(out);

        StarterGenerator.generate(repo, List.of("demo-lab"), out);

        assertThat(out.resolve("pom.xml"))
                .as("root pom in the formerly empty folder")
                .exists();
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }
}

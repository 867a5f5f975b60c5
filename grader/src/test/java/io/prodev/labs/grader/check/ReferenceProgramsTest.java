package io.prodev.labs.grader.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs tiny main classes of a lab with no fixtures: output, exit code, time limit and a clean environment. */
class ReferenceProgramsTest {

    @TempDir
    Path lab;

    private PreparedLab prepared;

    @BeforeEach
    void compileTheLabsPrograms() throws IOException {
        Path sources = Files.createDirectories(lab.resolve("src"));
        Files.writeString(sources.resolve("Greeter.java"), """
                public class Greeter {
                    public static void main(String[] args) {
                        System.out.println("hello from " + System.getProperty("user.dir").endsWith("work"));
                        System.out.println("INSTRUCTOR_SECRET=" + System.getenv("INSTRUCTOR_SECRET"));
                        System.err.println("a warning");
                        System.exit(3);
                    }
                }
                """);
        Files.writeString(sources.resolve("Sleeper.java"), """
                public class Sleeper {
                    public static void main(String[] args) throws InterruptedException {
                        System.out.println("going to sleep");
                        Thread.sleep(60_000);
                    }
                }
                """);
        Path classes = Files.createDirectories(lab.resolve("target/classes"));
        int exit = ToolProvider.getSystemJavaCompiler()
                .run(
                        null,
                        null,
                        null,
                        "-d",
                        classes.toString(),
                        sources.resolve("Greeter.java").toString(),
                        sources.resolve("Sleeper.java").toString());
        assertThat(exit).as("javac exit code").isZero();
        prepared = PreparedLab.of(
                "demo-lab",
                lab,
                new LabCatalogue("demo-lab", "Demo", "Caching", List.of()),
                Files.createDirectories(lab.resolve("target/test-classes")),
                List.of(),
                List.of(),
                lab);
    }

    @Test
    void capturesOutputAndExitCodeInAWorkingFolderOfItsOwnWithACleanEnvironment() {
        try (ReferencePrograms programs = new ReferencePrograms(prepared)) {
            ProgramRun run = programs.run("Greeter", Duration.ofSeconds(30));

            assertThat(run.finished()).as("Greeter finished").isTrue();
            assertThat(run.exitCode()).as("Greeter's exit code").isEqualTo(3);
            assertThat(run.stdout()).as("Greeter's output").isEqualTo("hello from true\nINSTRUCTOR_SECRET=null\n");
            assertThat(run.tail(5)).as("the end of what Greeter printed").isEqualTo("""
                    its output ended with:
                          hello from true
                          INSTRUCTOR_SECRET=null
                    its error output ended with:
                          a warning""");
        }
    }

    @Test
    void killsAProgramThatOutrunsItsTimeLimit() {
        try (ReferencePrograms programs = new ReferencePrograms(prepared)) {
            ProgramRun run = programs.run("Sleeper", Duration.ofSeconds(2));

            assertThat(run.finished()).as("Sleeper finished by itself").isFalse();
            assertThat(run.elapsed()).as("how long Sleeper ran").isLessThan(Duration.ofSeconds(20));
            assertThat(run.stdout())
                    .as("what Sleeper printed before it was killed")
                    .isEqualTo("going to sleep\n");
        }
    }
}

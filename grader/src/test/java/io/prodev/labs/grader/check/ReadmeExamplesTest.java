package io.prodev.labs.grader.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.grader.check.ReadmeExamples.Pairing;
import io.prodev.labs.grader.check.ReadmeExamples.ProvenExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README-to-source half of the README examples check, on small labs in a temp folder; nothing runs. */
class ReadmeExamplesTest {

    private static final String SOURCE = "src/test/java/demo/examples/Task1Example.java";
    private static final String README = """
            # demo-lab

            ## Task 1 — Adder

            ```java
            int notTheExample = 0; // a block before the **Example line is not the example
            ```

            **Example.**

            ```java
            Adder adder = new Adder();
            System.out.println(adder.add(2, 3));  // prints 5
            ```

            ```
            5
            ```

            ## Task 2 — Subtractor

            ```markdown
            **Example.**
            ```
            """;

    @TempDir
    Path lab;

    @BeforeEach
    void writeALabWhoseExampleMatches() throws IOException {
        write("README.md", README);
        write(SOURCE, """
                package demo.examples;

                import demo.Adder;

                public final class Task1Example {
                    public static void main(String[] args) {
                        // tag::example[]
                        Adder adder = new Adder();
                        System.out.println(adder.add(2, 3));  // prints 5   \s
                        // end::example[]
                    }
                }
                """);
    }

    @Test
    void pairsAnExampleWhoseCodeEqualsTheTaggedRegion() {
        Pairing pairing = ReadmeExamples.pair(lab);

        assertThat(pairing.problems())
                .as("problems of a README example equal to its region")
                .isEmpty();
        assertThat(pairing.examples()).as("examples to run").singleElement().satisfies(example -> {
            assertThat(example.className()).isEqualTo("demo.examples.Task1Example");
            assertThat(example.readme().taskId()).isEqualTo("1");
        });
    }

    @Test
    void acceptsOutputThatDiffersOnlyInLineEndingsAndTrailingBlankLines() {
        ProvenExample example = ReadmeExamples.pair(lab).examples().get(0);

        assertThat(ReadmeExamples.outputProblem(example, "5\r\n\r\n"))
                .as("problem with printed \"5\\r\\n\\r\\n\"")
                .isEmpty();
    }

    @Test
    void namesTheFirstDifferingLineWhenTheReadmeCodeDrifts() throws IOException {
        rewrite("README.md", "adder.add(2, 3)", "adder.add(2, 4)");

        assertThat(ReadmeExamples.pair(lab).problems())
                .as("problems with add(2, 4) in the README only")
                .containsExactly("task 1's example in README.md differs from the tagged region of " + SOURCE
                        + ": README.md:13 reads `System.out.println(adder.add(2, 4));  // prints 5`,"
                        + " Task1Example.java:9 reads `System.out.println(adder.add(2, 3));  // prints 5`");
    }

    @Test
    void saysWhichSideEndsFirstWhenTheRegionHasALineMore() throws IOException {
        rewrite(SOURCE, "        // end::example[]", "        adder.reset();\n        // end::example[]");

        assertThat(ReadmeExamples.pair(lab).problems())
                .as("problems with a line more in the region")
                .containsExactly("task 1's example in README.md differs from the tagged region of " + SOURCE
                        + ": README.md's code block ends after line 13, Task1Example.java:10 reads `adder.reset();`");
    }

    @Test
    void namesTheFirstDifferingLineWhenTheOutputDrifts() {
        ProvenExample example = ReadmeExamples.pair(lab).examples().get(0);

        assertThat(ReadmeExamples.outputProblem(example, "6\n"))
                .as("problem when the example prints 6")
                .hasValue("task 1's example output in README.md is not what Task1Example prints on the reference:"
                        + " README.md:17 reads `5`, it printed `6` (its output line 1)");
        assertThat(ReadmeExamples.outputProblem(example, "5\nextra\n"))
                .as("problem when it prints a line more")
                .hasValue("task 1's example output in README.md is not what Task1Example prints on the reference:"
                        + " README.md's output block ends after line 17, it printed `extra` (its output line 2)");
    }

    @Test
    void reportsAReadmeExampleWithoutASource() throws IOException {
        Files.delete(lab.resolve(SOURCE));

        assertThat(ReadmeExamples.pair(lab).problems())
                .as("problems without " + SOURCE)
                .containsExactly("README.md:11 shows an example for task 1, but there is no"
                        + " src/test/java/**/examples/Task1Example.java to prove it: put its code in a main method"
                        + " there, between `// tag::example[]` and `// end::example[]`");
    }

    @Test
    void reportsASourceWhoseTaskShowsNoExample() throws IOException {
        write("src/test/java/demo/examples/Task2Example.java", "// tag::example[]\n// end::example[]\n");

        assertThat(ReadmeExamples.pair(lab).problems())
                .as("problems with an example source for task 2 only")
                .containsExactly("src/test/java/demo/examples/Task2Example.java is the example of task 2, but"
                        + " README.md's section for task 2 shows no example (a ```java block after a line starting"
                        + " with **Example, then a block with its output)");
    }

    @Test
    void reportsAnExampleWithoutAnOutputBlock() throws IOException {
        rewrite("README.md", "```\n5\n```\n", "");

        Pairing pairing = ReadmeExamples.pair(lab);

        assertThat(pairing.problems())
                .as("problems of an example with no output block")
                .containsExactly(
                        "task 1's example in README.md (line 11) has no output block: add a fenced block after it with"
                                + " what Task1Example prints");
        assertThat(pairing.examples()).as("examples to run").isEmpty();
    }

    @Test
    void reportsARegionThatIsNeverClosed() throws IOException {
        rewrite(SOURCE, "        // end::example[]\n", "");

        assertThat(ReadmeExamples.pair(lab).problems())
                .as("problems of a region never closed")
                .containsExactly(SOURCE + ":7: `// tag::example[]` is never closed by `// end::example[]`");
    }

    private void write(String file, String text) throws IOException {
        Path path = lab.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private void rewrite(String file, String from, String to) throws IOException {
        String text = Files.readString(lab.resolve(file));
        assertThat(text).as(file).contains(from);
        Files.writeString(lab.resolve(file), text.replace(from, to));
    }
}

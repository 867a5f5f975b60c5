package io.prodev.labs.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.grader.GraderMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the grader says and returns when it is called wrongly: exit 2 and one line naming the problem. */
class GraderMainTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream realErr;

    @BeforeEach
    void captureStandardError() {
        realErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardError() {
        System.setErr(realErr);
    }

    @Test
    void noCommandIsAMisuseWithAShortUsage() {
        int exit = GraderMain.run();

        assertThat(exit).as("exit code of ./grader.sh with no command").isEqualTo(2);
        assertThat(said()).as("what it prints").isEqualTo(GraderCommand.USAGE + "\n");
    }

    @Test
    void aMissingRequiredOptionIsNamedInOneLine() {
        int exit = GraderMain.run("grade", "--lab", "caching-lab", "some-submission");

        assertThat(exit).as("exit code of grade without --out").isEqualTo(2);
        assertThat(said().lines().toList())
                .as("what grade without --out prints")
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("grader: Missing required option: '--out")
                        .endsWith("(./grader.sh grade --help lists the options)"));
    }

    @Test
    void anUnknownOptionIsNamedInOneLine() {
        int exit = GraderMain.run("check", "--frobnicate");

        assertThat(exit).as("exit code of an unknown option").isEqualTo(2);
        assertThat(said().lines().toList())
                .as("what check --frobnicate prints")
                .singleElement()
                .satisfies(line -> assertThat(line).contains("--frobnicate"));
    }

    private String said() {
        return err.toString(StandardCharsets.UTF_8);
    }
}

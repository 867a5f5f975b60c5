package io.prodev.labs.grader.starter;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.catalogue.LabTask;
import java.util.List;
import org.junit.jupiter.api.Test;

class SolutionStripperErrorsTest {

    private static final String FILE = "src/main/java/io/prodev/labs/caching/LRUCache.java";
    private static final LabTask LRU = new LabTask("3", "LRUCache", 10, List.of(FILE));

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void rejectsAnUnclosedRegionNamingTheFileAndTheBeginLine() {
        String reference = lines("class A {", "  // BEGIN SOLUTION", "  int x;", "}");

        assertThatThrownBy(() -> SolutionStripper.strip(reference, FILE, LRU))
                .as("a region that never ends")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(FILE + ":2: BEGIN SOLUTION is never closed by an END SOLUTION");
    }

    @Test
    void rejectsANestedBeginNamingItsLineAndTheOuterRegionsLine() {
        String reference = lines("// BEGIN SOLUTION", "a();", "// BEGIN SOLUTION: remove", "// END SOLUTION");

        assertThatThrownBy(() -> SolutionStripper.strip(reference, FILE, LRU))
                .as("a region inside a region")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(FILE + ":3: BEGIN SOLUTION inside the region opened at line 1; regions do not nest");
    }

    @Test
    void rejectsAnEndWithoutABegin() {
        String reference = lines("class A {", "}", "// END SOLUTION");

        assertThatThrownBy(() -> SolutionStripper.strip(reference, FILE, LRU))
                .as("END with nothing open")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(FILE + ":3: END SOLUTION without a BEGIN SOLUTION before it");
    }

    @Test
    void rejectsARegionInAFileThatBelongsToNoTask() {
        String reference = lines("# BEGIN SOLUTION", "x=1", "# END SOLUTION");

        assertThatThrownBy(() -> SolutionStripper.strip(reference, "src/main/resources/app.properties", null))
                .as("a region in a file no task lists")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("src/main/resources/app.properties:1: ")
                .hasMessageContaining("no task of lab.json lists");
    }

    @Test
    void rejectsAMisspeltMarkerInsteadOfLeakingTheSolution() {
        String reference = lines("void f() {", "    // BEGIN SOLUTION: keep", "    g();", "    // END SOLUTION", "}");

        assertThatThrownBy(() -> SolutionStripper.strip(reference, FILE, LRU))
                .as("an unknown BEGIN option")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(FILE + ":2: unknown marker \"BEGIN SOLUTION: keep\"");
    }

    @Test
    void rejectsAStubLineOutsideARegion() {
        String reference = lines("void f() {", "    // STUB: return;", "}");

        assertThatThrownBy(() -> SolutionStripper.strip(reference, FILE, LRU))
                .as("a STUB with no region around it")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(FILE + ":2: STUB line outside a solution region");
    }

    @Test
    void rejectsAStubLineInARemoveRegion() {
        String reference = lines("// BEGIN SOLUTION: remove", "// STUB: int x;", "// END SOLUTION");

        assertThatThrownBy(() -> SolutionStripper.strip(reference, FILE, LRU))
                .as("a STUB in a region that is removed whole")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(FILE + ":2: STUB line in the \"BEGIN SOLUTION: remove\" region");
    }

    @Test
    void rejectsAnImportInsideARegionBecauseTheFormatterWouldMoveItsMarkers() {
        String reference = lines("// BEGIN SOLUTION: remove", "import java.util.HashMap;", "// END SOLUTION");

        assertThatThrownBy(() -> SolutionStripper.strip(reference, FILE, LRU))
                .as("an import in a region")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(FILE + ":2: an import inside the solution region opened at line 1;");
    }
}

package io.prodev.labs.grader.starter;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.catalogue.LabTask;
import java.util.List;
import org.junit.jupiter.api.Test;

class SolutionStripperTest {

    private static final LabTask LRU = new LabTask("3", "LRUCache", 10, List.of("src/main/java/LRUCache.java"));
    private static final String JAVA = "src/main/java/LRUCache.java";

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void replacesAJavaRegionWithAThrowNamingTheTaskAtTheBeginLinesIndentation() {
        String reference = lines(
                "    public Object get(String key) {",
                "        // BEGIN SOLUTION",
                "        return index.get(key);",
                "        // END SOLUTION",
                "    }");

        assertThat(SolutionStripper.strip(reference, JAVA, LRU))
                .as("learner version of get()")
                .isEqualTo(lines(
                        "    public Object get(String key) {",
                        "        throw new UnsupportedOperationException(\"Task 3 (LRUCache): not implemented yet\");",
                        "    }"));
    }

    @Test
    void emitsStubLinesUncommentedInsteadOfTheThrow() {
        String reference = lines(
                "    int size() {",
                "        // BEGIN SOLUTION",
                "        // STUB: int unused = 0;",
                "        //STUB:   return 0;",
                "        return entries.size();",
                "        // END SOLUTION",
                "    }");

        assertThat(SolutionStripper.strip(reference, JAVA, LRU))
                .as("a region with STUB lines")
                .isEqualTo(lines("    int size() {", "        int unused = 0;", "          return 0;", "    }"));
    }

    @Test
    void dropsARemoveRegionEntirely() {
        String reference = lines(
                "import java.util.LinkedHashMap;",
                "import java.util.List;",
                "class LRUCache {",
                "    List<String> keys;",
                "    // BEGIN SOLUTION:remove",
                "    private final LinkedHashMap<String, Object> index = new LinkedHashMap<>();",
                "    // END SOLUTION",
                "}");

        assertThat(SolutionStripper.strip(reference, JAVA, LRU))
                .as("remove regions")
                .isEqualTo(lines("import java.util.List;", "class LRUCache {", "    List<String> keys;", "}"));
    }

    @Test
    void dropsTheImportsOnlyTheSolutionUsedAndKeepsTheRest() {
        String reference = lines(
                "import static java.util.Objects.requireNonNull;",
                "import java.util.ArrayDeque;",
                "import java.util.Deque;",
                "import java.util.HashMap;",
                "import java.util.Map;",
                "import java.util.concurrent.*;",
                "/** Backed by a {@link HashMap}. */",
                "class LRUCache {",
                "    private final Map<String, Object> index;",
                "    LRUCache() {",
                "        // BEGIN SOLUTION",
                "        index = new HashMap<>();",
                "        Deque<String> order = new ArrayDeque<>();",
                "        requireNonNull(order);",
                "        // END SOLUTION",
                "    }",
                "}");

        assertThat(SolutionStripper.strip(reference, JAVA, LRU))
                .as("imports of the learner version: used ones, Javadoc links and wildcards stay")
                .startsWith(
                        lines("import java.util.HashMap;", "import java.util.Map;", "import java.util.concurrent.*;"));
    }

    @Test
    void keepsAFileWithoutRegionsByteForByteIncludingCrLfAndNoFinalNewline() {
        String reference = "class A {\r\n    int x;\r\n}";

        assertThat(SolutionStripper.strip(reference, JAVA, null))
                .as("a file without regions")
                .isEqualTo(reference);
    }

    @Test
    void keepsCrLfLineEndingsOnTheGeneratedThrow() {
        String reference = "void f() {\r\n    // BEGIN SOLUTION\r\n    g();\r\n    // END SOLUTION\r\n}\r\n";

        assertThat(SolutionStripper.strip(reference, JAVA, LRU))
                .as("CRLF file")
                .isEqualTo(
                        "void f() {\r\n    throw new UnsupportedOperationException(\"Task 3 (LRUCache): not implemented yet\");\r\n}\r\n");
    }

    @Test
    void escapesQuotesAndBackslashesOfTheTitleInTheThrownMessage() {
        LabTask quoted = new LabTask("7", "The \"fast\" path \\ cache", 5, List.of(JAVA));
        String reference = lines("// BEGIN SOLUTION", "x();", "// END SOLUTION");

        assertThat(SolutionStripper.strip(reference, JAVA, quoted))
                .as("throw with a quoted title")
                .isEqualTo(
                        lines(
                                "throw new UnsupportedOperationException(\"Task 7 (The \\\"fast\\\" path \\\\ cache): not implemented yet\");"));
    }

    @Test
    void replacesAHashCommentRegionInAPropertiesFileWithItsStubLines() {
        String reference =
                lines("cache.size=4", "# BEGIN SOLUTION", "# STUB: cache.ttl=", "cache.ttl=30s", "# END SOLUTION");

        assertThat(SolutionStripper.strip(reference, "src/main/resources/cache.properties", LRU))
                .as("properties file")
                .isEqualTo(lines("cache.size=4", "cache.ttl="));
    }

    @Test
    void replacesASqlRegionWithNothingWhenItHasNoStubLines() {
        String reference = lines(
                "CREATE TABLE property (id INTEGER PRIMARY KEY);",
                "  -- BEGIN SOLUTION",
                "  CREATE INDEX property_city ON property (city);",
                "  -- END SOLUTION");

        assertThat(SolutionStripper.strip(reference, "src/main/resources/schema.sql", LRU))
                .as("SQL file: a region without STUB lines and no throw, since SQL is not Java")
                .isEqualTo(lines("CREATE TABLE property (id INTEGER PRIMARY KEY);"));
    }

    @Test
    void readsXmlCommentMarkers() {
        String reference = lines(
                "<config>",
                "  <!-- BEGIN SOLUTION -->",
                "  <!-- STUB: <ttl></ttl> -->",
                "  <ttl>30</ttl>",
                "  <!-- END SOLUTION -->",
                "</config>");

        assertThat(SolutionStripper.strip(reference, "src/main/resources/cache.xml", LRU))
                .as("XML file")
                .isEqualTo(lines("<config>", "  <ttl></ttl>", "</config>"));
    }

    @Test
    void findsRegionsInAnyCommentSyntaxButNotInPlainCode() {
        assertThat(SolutionStripper.hasRegions("a\n  // BEGIN SOLUTION\nb\n"))
                .as("// marker")
                .isTrue();
        assertThat(SolutionStripper.hasRegions("-- END SOLUTION\n"))
                .as("-- marker")
                .isTrue();
        assertThat(SolutionStripper.hasRegions("<!-- BEGIN SOLUTION: remove -->\n"))
                .as("XML marker")
                .isTrue();
        assertThat(SolutionStripper.hasRegions("String s = \"// BEGIN SOLUTION\";\n// STUB: x\n"))
                .as("a marker inside a string literal, and a lone STUB line")
                .isFalse();
    }
}

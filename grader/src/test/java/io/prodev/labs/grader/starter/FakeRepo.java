package io.prodev.labs.grader.starter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny instructor repository in a temp folder: root pom, wrapper, three labkit modules (demo-lab needs
 * labkit-extra, which needs labkit; labkit-unused is needed by no lab), and one lab with two tasks.
 */
final class FakeRepo {

    static final String LAB = "demo-lab";
    static final String LEARNER_FILE = "src/main/java/demo/Adder.java";

    private FakeRepo() {}

    static Path create(Path root) {
        write(root, "pom.xml", """
                <project>
                  <artifactId>prodev-labs</artifactId>
                  <modules>
                    <module>labkit</module>
                    <module>labkit-extra</module>
                    <module>labkit-unused</module>
                    <module>demo-lab</module>
                    <module>grader</module>
                  </modules>
                </project>
                """);
        write(root, "mvnw", "#!/bin/sh\necho maven\n");
        write(root, "mvnw.cmd", "@echo maven\r\n");
        write(root, ".mvn/wrapper/maven-wrapper.properties", "distributionType=only-script\n");
        write(root, ".gitignore", "target/\n");
        write(root, "labkit/pom.xml", "<project><artifactId>labkit</artifactId></project>\n");
        write(root, "labkit/src/main/java/io/prodev/labs/labkit/Hidden.java", "public @interface Hidden {}\n");
        write(root, "labkit/src/test/java/io/prodev/labs/labkit/HiddenTest.java", "class HiddenTest {}\n");
        write(root, "labkit/target/labkit.jar", "built");
        write(root, "labkit-extra/pom.xml", pom("labkit-extra", "labkit"));
        write(root, "labkit-extra/src/main/java/io/prodev/labs/labkit/extra/Extra.java", "class Extra {}\n");
        write(root, "labkit-unused/pom.xml", pom("labkit-unused", "labkit"));
        write(root, "labkit-unused/src/main/java/io/prodev/labs/labkit/unused/Unused.java", "class Unused {}\n");
        write(root, "grader/pom.xml", "<project><artifactId>grader</artifactId></project>\n");
        write(root, "docs/lab-authoring.md", "# Writing a lab\n");
        write(root, "not-a-lab/README.md", "no lab.json here\n");
        write(root, LAB + "/lab.json", """
                {"lab": "demo-lab", "title": "Demo: adding numbers", "tasks": [
                  {"id": "1", "title": "Adder", "points": 10, "files": ["src/main/java/demo/Adder.java"]},
                  {"id": "2", "title": "Schema", "points": 5, "files": ["src/main/resources/schema.sql"]}
                ]}
                """);
        write(root, LAB + "/pom.xml", pom("demo-lab", "labkit-extra"));
        write(root, LAB + "/README.md", "# demo-lab\n");
        write(root, LAB + "/" + LEARNER_FILE, """
                package demo;

                public class Adder {
                    public int add(int a, int b) {
                        // BEGIN SOLUTION
                        return a + b;
                        // END SOLUTION
                    }
                }
                """);
        write(root, LAB + "/src/main/resources/schema.sql", """
                CREATE TABLE sums (a INTEGER, b INTEGER);
                -- BEGIN SOLUTION
                CREATE INDEX sums_a ON sums (a);
                -- END SOLUTION
                """);
        write(root, LAB + "/src/main/java/demo/Main.java", "package demo;\nclass Main {}\n");
        write(
                root,
                LAB + "/src/test/java/demo/AdderTest.java",
                "package demo;\n\n/** Not {@code @Hidden}: learners see it. */\n@Task(\"1\")\nclass AdderTest {}\n");
        write(
                root,
                LAB + "/src/test/java/demo/AdderHiddenTest.java",
                "package demo;\n\nimport io.prodev.labs.labkit.Hidden;\n\n@Task(\"1\") @Hidden\nclass AdderHiddenTest {}\n");
        write(root, LAB + "/target/classes/demo/Adder.class", "compiled");
        return root;
    }

    /** A module POM with one test-scope dependency on another module of the repository. */
    static String pom(String artifactId, String dependsOn) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <artifactId>%s</artifactId>
                  <dependencies>
                    <dependency>
                      <groupId>io.prodev.labs</groupId>
                      <artifactId>%s</artifactId>
                      <scope>test</scope>
                    </dependency>
                    <dependency>
                      <groupId>org.example</groupId>
                      <artifactId>labkit-unused</artifactId>
                    </dependency>
                  </dependencies>
                </project>
                """.formatted(artifactId, dependsOn);
    }

    static void write(Path root, String relativePath, String content) {
        try {
            Path file = root.resolve(relativePath);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

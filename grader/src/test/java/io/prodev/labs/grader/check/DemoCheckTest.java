package io.prodev.labs.grader.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCheckTest {

    @TempDir
    Path lab;

    @Test
    void readsTheDemoFromTheProjectsOwnProperties() throws IOException {
        Path pom = pom("""
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <properties>
                    <exec.skip>false</exec.skip>
                    <exec.mainClass> demo.Main </exec.mainClass>
                  </properties>
                  <profiles>
                    <profile><properties><exec.mainClass>demo.Bench</exec.mainClass></properties></profile>
                  </profiles>
                </project>
                """);

        assertThat(DemoCheck.mainClass(pom))
                .as("the demo of " + Files.readString(pom))
                .hasValue("demo.Main");
    }

    @Test
    void findsNoDemoWithoutAMainClassOrWithTheParentsPlaceholder() throws IOException {
        assertThat(DemoCheck.mainClass(pom("<project><properties/></project>")))
                .as("demo without the property")
                .isEmpty();
        assertThat(DemoCheck.mainClass(
                        pom("<project><properties><exec.mainClass>none</exec.mainClass></properties>" + "</project>")))
                .as("demo with the parent's placeholder")
                .isEmpty();
        assertThat(DemoCheck.mainClass(pom("<project><profiles><profile><properties><exec.mainClass>demo.Bench"
                        + "</exec.mainClass></properties></profile></profiles></project>")))
                .as("demo set in a profile only")
                .isEmpty();
    }

    private Path pom(String text) throws IOException {
        return Files.writeString(lab.resolve("pom.xml"), text);
    }
}

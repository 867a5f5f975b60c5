package io.prodev.labs.grader.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a lab needs besides itself comes from the POMs, in the order Maven builds it. */
class RepoModulesTest {

    @TempDir
    Path repo;

    @Test
    void aLabNeedsTheRepositoryModulesItsPomNamesAndTheirsInBuildOrder() throws IOException {
        root("labkit", "labkit-redis", "labkit-ssh", "caching-lab", "ssh-lab", "grader");
        module("labkit");
        module("labkit-redis", "labkit");
        module("labkit-ssh", "labkit");
        module("caching-lab", "labkit-redis");
        module("ssh-lab", "labkit", "labkit-ssh");
        module("grader", "labkit");

        RepoModules modules = RepoModules.read(repo);

        assertThat(modules.supportModulesOf(List.of("caching-lab")))
                .as("what caching-lab needs")
                .containsExactly("labkit", "labkit-redis");
        assertThat(modules.supportModulesOf(List.of("ssh-lab", "caching-lab")))
                .as("what both labs need")
                .containsExactly("labkit", "labkit-redis", "labkit-ssh");
    }

    @Test
    void aDependencyOutsideTheRepositoryIsNotAModule() throws IOException {
        root("labkit", "solo-lab");
        module("labkit");
        Files.createDirectories(repo.resolve("solo-lab"));
        Files.writeString(repo.resolve("solo-lab/pom.xml"), """
                <project><artifactId>solo-lab</artifactId><dependencies>
                  <dependency><groupId>org.example</groupId><artifactId>labkit</artifactId></dependency>
                </dependencies></project>
                """);

        assertThat(RepoModules.read(repo).supportModulesOf(List.of("solo-lab")))
                .as("modules needed by a lab whose only dependency has another groupId")
                .isEmpty();
    }

    @Test
    void aBrokenPomIsNamed() throws IOException {
        root("labkit");
        Files.createDirectories(repo.resolve("labkit"));
        Files.writeString(repo.resolve("labkit/pom.xml"), "<project><artifactId>labkit</project>");

        assertThatThrownBy(() -> RepoModules.read(repo))
                .hasMessageContaining("cannot read " + repo.resolve("labkit/pom.xml"));
    }

    private void root(String... modules) throws IOException {
        StringBuilder pom = new StringBuilder("<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n  <modules>\n");
        for (String module : modules) {
            pom.append("    <module>").append(module).append("</module>\n");
        }
        Files.writeString(repo.resolve("pom.xml"), pom.append("  </modules>\n</project>\n"));
    }

    private void module(String name, String... dependsOn) throws IOException {
        StringBuilder pom = new StringBuilder("<project>\n  <artifactId>" + name + "</artifactId>\n  <dependencies>\n");
        for (String dependency : dependsOn) {
            pom.append("    <dependency><groupId>io.prodev.labs</groupId><artifactId>")
                    .append(dependency)
                    .append("</artifactId></dependency>\n");
        }
        Files.createDirectories(repo.resolve(name));
        Files.writeString(repo.resolve(name).resolve("pom.xml"), pom.append("  </dependencies>\n</project>\n"));
    }
}

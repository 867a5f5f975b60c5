package io.prodev.labs.grader.cli;

import io.prodev.labs.grader.GraderException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The instructor's repository: --repo, else what ./grader passes, else the current folder. */
final class RepoOption {

    @Option(names = "--repo", paramLabel = "DIR", description = "The prodev-labs repository (default: this one).")
    Path repo;

    Path root() {
        Path root = repo != null ? repo : Path.of(System.getProperty("prodev.repo", "."));
        if (!Files.isRegularFile(root.resolve("pom.xml"))) {
            throw GraderException.misuse("not a prodev-labs repository (no pom.xml): " + root.toAbsolutePath());
        }
        return root.toAbsolutePath().normalize();
    }
}

package io.prodev.labs.grader.starter;

import io.prodev.labs.grader.lab.LabFolders;
import io.prodev.labs.grader.lab.RepoModules;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Generates the learner edition: a standalone Maven project with the chosen labs and the labkit modules
 * their POMs depend on (nothing else), where
 * every learner file has its solution regions cut out and hidden tests are left out.
 *
 * <p>Every file is read, checked and stripped before anything is written, so bad input (an unknown lab,
 * a broken region, a region in a file no task lists) fails with nothing written.
 */
public final class StarterGenerator {

    /** {@code ./mvnw -pl some-lab test} builds labkit first without the learner having to say {@code -am}. */
    static final String ALSO_MAKE = "--also-make";

    private StarterGenerator() {}

    /**
     * @param repoRoot the instructor's repository
     * @param labs     the labs to include, by folder name; repeats are ignored
     * @param out      where to write; must not exist or be an empty folder
     */
    public static void generate(Path repoRoot, List<String> labs, Path out) {
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(labs, "labs");
        Objects.requireNonNull(out, "out");
        List<String> chosen = chosenLabs(repoRoot, labs);
        requireAbsentOrEmpty(out);
        RepoFiles repo = new RepoFiles(repoRoot);
        List<String> support = RepoModules.read(repoRoot).supportModulesOf(chosen);
        List<String> modules = new ArrayList<>(support);
        modules.addAll(chosen);

        List<StarterFile> files = new ArrayList<>();
        files.add(text("pom.xml", RootPom.withModules(repo.readText("pom.xml"), modules)));
        files.add(new StarterFile("mvnw", repo.read(repo.resolve("mvnw")), true));
        files.add(new StarterFile("mvnw.cmd", repo.read(repo.resolve("mvnw.cmd")), false));
        for (Path file : repo.walk(repo.resolve(".mvn/wrapper"), path -> false)) {
            files.add(new StarterFile(repo.relative(file), repo.read(file), false));
        }
        files.add(text(".mvn/maven.config", mavenConfig(repo)));
        for (String optional : List.of(".gitignore", ".gitattributes")) {
            if (Files.isRegularFile(repo.resolve(optional))) {
                files.add(new StarterFile(optional, repo.read(repo.resolve(optional)), false));
            }
        }
        for (String module : support) { // the labkit modules the labs' POMs name: their main code, not their tests
            for (Path file :
                    repo.walk(repo.resolve(module), path -> path.equals("target") || path.equals("src/test"))) {
                files.add(new StarterFile(repo.relative(file), repo.read(file), false));
            }
        }
        List<LabCatalogue> catalogues = new ArrayList<>();
        for (String lab : chosen) {
            files.addAll(LabEdition.files(repo, lab));
            catalogues.add(LabCatalogue.read(repo.resolve(lab).resolve(LabCatalogue.FILE_NAME)));
        }
        files.add(text("README.md", LearnerReadme.text(catalogues)));
        StarterWriter.write(files, out);
    }

    private static List<String> chosenLabs(Path repoRoot, List<String> labs) {
        List<String> available = LabFolders.labs(repoRoot);
        if (labs.isEmpty()) {
            throw new IllegalArgumentException(
                    "choose at least one lab; the labs are: " + String.join(", ", available));
        }
        for (String lab : labs) {
            if (!available.contains(lab)) {
                throw new IllegalArgumentException("unknown lab \"" + lab + "\"; the labs are: "
                        + (available.isEmpty() ? "(none)" : String.join(", ", available)));
            }
        }
        return List.copyOf(new LinkedHashSet<>(labs));
    }

    private static void requireAbsentOrEmpty(Path out) {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new IllegalArgumentException(out + " exists and is not a folder; choose a new or empty folder");
        }
        try (Stream<Path> entries = Files.list(out)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException(out + " is not empty; choose a new or empty folder");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + out, e);
        }
    }

    /** The repository's own maven.config, if it has one, plus {@link #ALSO_MAKE}. */
    private static String mavenConfig(RepoFiles repo) {
        List<String> lines = new ArrayList<>();
        if (Files.isRegularFile(repo.resolve(".mvn/maven.config"))) {
            repo.readText(".mvn/maven.config")
                    .lines()
                    .filter(line -> !line.isBlank())
                    .forEach(lines::add);
        }
        if (!lines.contains(ALSO_MAKE) && !lines.contains("-am")) {
            lines.add(ALSO_MAKE);
        }
        return String.join("\n", lines) + "\n";
    }

    private static StarterFile text(String path, String content) {
        return new StarterFile(path, content.getBytes(StandardCharsets.UTF_8), false);
    }
}

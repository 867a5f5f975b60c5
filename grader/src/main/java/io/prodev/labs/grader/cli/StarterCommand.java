package io.prodev.labs.grader.cli;

import io.prodev.labs.grader.lab.LabFolders;
import io.prodev.labs.grader.starter.StarterGenerator;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "starter",
        mixinStandardHelpOptions = true,
        description = "Writes the learner edition: a standalone Maven project whose solution regions are stubs "
                + "that compile and fail, without the grader or hidden tests.")
final class StarterCommand implements Callable<Integer> {

    @Mixin
    RepoOption repo;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "An empty or new folder.")
    Path out;

    @Option(names = "--labs", split = ",", paramLabel = "LAB", description = "Labs to include (default: all).")
    List<String> labs;

    @Override
    public Integer call() {
        Path root = repo.root();
        List<String> chosen = labs == null || labs.isEmpty() ? LabFolders.labs(root) : labs;
        StarterGenerator.generate(root, chosen, out);
        System.out.println("learner edition of " + String.join(", ", chosen) + " written to " + out.toAbsolutePath());
        return 0;
    }
}

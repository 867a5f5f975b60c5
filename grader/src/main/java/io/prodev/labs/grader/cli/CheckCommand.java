package io.prodev.labs.grader.cli;

import io.prodev.labs.grader.check.LabIntegrityCheck;
import io.prodev.labs.grader.grade.GradeOptions;
import io.prodev.labs.grader.lab.LabFolders;
import io.prodev.labs.grader.lab.LabPreparer;
import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.grader.launch.OsSandbox;
import io.prodev.labs.grader.launch.RunLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Proves each lab sound: the reference passes every test, the starter compiles and fails "
                + "every task, every test belongs to one task, catalogue/README/tests agree, grading is repeatable, "
                + "README examples are the code of examples/Task<id>Example.java and print what they show, the demo "
                + "ends cleanly. "
                + "Exits 1 when a problem is found.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    RepoOption repo;

    @Option(names = "--labs", split = ",", paramLabel = "LAB", description = "Labs to check (default: all).")
    List<String> labs;

    @Override
    public Integer call() {
        Path root = repo.root();
        List<String> chosen = labs == null || labs.isEmpty() ? LabFolders.labs(root) : labs;
        List<String> problems = new ArrayList<>();
        OsSandbox os = OsSandbox.detect();
        System.out.println(
                os.active()
                        ? "test JVMs run inside the OS sandbox (bubblewrap)"
                        : "note: the OS sandbox is off: " + os.unavailable());
        for (String lab : chosen) {
            PreparedLab prepared = LabPreparer.prepare(root, lab, System.out::println);
            System.out.println("checking " + lab);
            new LabIntegrityCheck(
                            prepared, new GradeOptions(RunLimits.DEFAULT, false, false, false), System.out::println)
                    .run()
                    .forEach(problem -> problems.add(lab + ": " + problem));
        }
        if (problems.isEmpty()) {
            System.out.println("grader check: " + chosen.size() + " lab(s) sound");
            return 0;
        }
        System.out.println("grader check found " + problems.size() + " problem(s):");
        problems.forEach(problem -> System.out.println("  - " + problem));
        return 1;
    }
}

package io.prodev.labs.grader.starter;

import io.prodev.labs.labkit.catalogue.LabCatalogue;
import java.util.List;

/** The README at the root of the learner edition: what it is, its labs, and how to run their tests. */
final class LearnerReadme {

    private LearnerReadme() {}

    static String text(List<LabCatalogue> labs) {
        String example = labs.get(0).lab();
        String exampleTask =
                labs.get(0).tasks().isEmpty() ? "1" : labs.get(0).tasks().get(0).id();
        StringBuilder readme = new StringBuilder()
                .append("# prodev-labs: learner edition\n\n")
                .append("Runnable backend-engineering labs. Each lab is a Maven module with a README that explains\n")
                .append("its tasks, the exact API to build, and tests that check your work. The code compiles as it\n")
                .append("is, but every task's methods throw `UnsupportedOperationException` until you implement\n")
                .append("them, so **every task fails until it is implemented**.\n\n")
                .append("## Labs\n\n");
        for (LabCatalogue lab : labs) {
            readme.append("- [")
                    .append(lab.lab())
                    .append("](")
                    .append(lab.lab())
                    .append("/README.md): ")
                    .append(lab.title())
                    .append(" (")
                    .append(lab.tasks().size())
                    .append(" tasks, ")
                    .append(lab.maxPoints())
                    .append(" points)\n");
        }
        return readme.append("\n## Run the tests\n\n")
                .append("You need a JDK 17 or newer; `./mvnw` downloads the right Maven by itself.\n\n")
                .append("```bash\n")
                .append("./mvnw -pl ")
                .append(example)
                .append(" test            # every task's tests, with a per-task summary at the end\n")
                .append("./mvnw -pl ")
                .append(example)
                .append(" test -Dtask=")
                .append(exampleTask)
                .append("   # the tests of one task (here task ")
                .append(exampleTask)
                .append(")\n")
                .append("```\n\n")
                .append(
                        "Use `mvnw.cmd` instead of `./mvnw` on Windows. Edit only the files a lab's task table lists:\n")
                .append("they are the files your submission is graded on.\n")
                .toString();
    }
}

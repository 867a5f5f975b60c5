package io.prodev.labs.grader.cli;

import picocli.CommandLine.Command;

@Command(
        name = "grader",
        mixinStandardHelpOptions = true,
        version = "prodev-labs grader 1.0",
        description = "Publishes the learner edition of the labs, grades learners' submissions with per-task "
                + "points and feedback, and checks that each lab is sound.",
        subcommands = {StarterCommand.class, GradeCommand.class, MergeCommand.class, CheckCommand.class})
public final class GraderCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}

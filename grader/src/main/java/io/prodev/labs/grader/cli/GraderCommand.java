package io.prodev.labs.grader.cli;

import io.prodev.labs.grader.GraderException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
        name = "grader",
        mixinStandardHelpOptions = true,
        version = "prodev-labs grader 1.0",
        description = "Publishes the learner edition of the labs, grades learners' submissions with per-task "
                + "points and feedback, and checks that each lab is sound.",
        subcommands = {StarterCommand.class, GradeCommand.class, MergeCommand.class, CheckCommand.class})
public final class GraderCommand implements Callable<Integer> {

    /** The short usage shown when no command is given; {@code --help} shows the whole page. */
    public static final String USAGE = "usage: ./grader.sh starter|grade|merge|check [options]"
            + " (./grader.sh --help, or ./grader.sh <command> --help, says more)";

    /** No command given: a misuse, said in one line. */
    @Override
    public Integer call() {
        System.err.println(USAGE);
        return GraderException.MISUSE;
    }
}

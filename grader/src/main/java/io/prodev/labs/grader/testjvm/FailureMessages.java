package io.prodev.labs.grader.testjvm;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;

/** Turns a test's outcome into the message a learner reads: what went wrong and where in the lab's code. */
final class FailureMessages {

    private static final int MAX_FRAMES = 5;
    private static final int MAX_LENGTH = 4_000;

    private FailureMessages() {}

    static String describe(TestExecutionResult result) {
        return result.getThrowable().map(FailureMessages::describe).orElse(null);
    }

    static String describe(Throwable failure) {
        String message;
        if (failure instanceof AssertionError) {
            message = String.valueOf(failure.getMessage()).strip();
        } else {
            message = failure.toString() + labFrames(failure);
        }
        return message.length() <= MAX_LENGTH ? message : message.substring(0, MAX_LENGTH) + "\n... (message cut)";
    }

    /**
     * A frame as Java prints it, without the class loader's and module's names: a warm JVM loads each
     * submission in a loader named "submission", and the learner should read the same line in every run.
     */
    private static String where(StackTraceElement frame) {
        return new StackTraceElement(
                        frame.getClassName(), frame.getMethodName(), frame.getFileName(), frame.getLineNumber())
                .toString();
    }

    /** The first frames in the lab's own code: where a learner should look first. */
    private static String labFrames(Throwable failure) {
        String frames = Arrays.stream(failure.getStackTrace())
                .filter(frame -> frame.getClassName().startsWith("io.prodev.labs.")
                        && !frame.getClassName().startsWith("io.prodev.labs.grader.")
                        && !frame.getClassName().startsWith("io.prodev.labs.labkit."))
                .limit(MAX_FRAMES)
                .map(frame -> "\n    at " + where(frame))
                .collect(Collectors.joining());
        Throwable cause = failure.getCause();
        return cause == null || cause == failure ? frames : frames + "\nCaused by: " + cause;
    }
}

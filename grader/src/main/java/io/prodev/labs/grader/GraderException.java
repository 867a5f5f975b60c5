package io.prodev.labs.grader;

/**
 * A failure that stops the grader as a whole, with the exit code it should end with: 2 for misuse
 * (unknown lab, missing path, bad option), 3 for an infrastructure failure (the lab does not build,
 * a test JVM cannot start). A learner's broken submission is never one of these.
 */
public class GraderException extends RuntimeException {

    public static final int MISUSE = 2;
    public static final int INFRASTRUCTURE = 3;

    private final int exitCode;

    public GraderException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    public GraderException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static GraderException misuse(String message) {
        return new GraderException(MISUSE, message);
    }

    public static GraderException infrastructure(String message, Throwable cause) {
        return new GraderException(INFRASTRUCTURE, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}

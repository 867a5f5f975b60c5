package io.prodev.labs.labkit.summary;

import java.util.Optional;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.ValueWrapper;

/**
 * A test failure in one line for the per-task summary: what a learner needs to start fixing, without the
 * stack trace (Surefire's reports keep that).
 */
final class FailureText {

    /** A stack frame, or AssertJ's and the JDK's notes that frames were left out. */
    private static final Pattern STACK_LINE =
            Pattern.compile("\\s*(at \\S+\\(.*\\)|\\.\\.\\.\\s*\\(\\d+ remaining lines.*|\\.\\.\\. \\d+ more)\\s*");

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    /** AssertJ puts the {@code .as(...)} text first, in brackets; JUnit puts the message before "==>". */
    private static final Pattern DESCRIPTION = Pattern.compile("^(\\[.*?\\]) .*|^(.*?) ==> .*");

    private FailureText() {}

    /**
     * The failure's message on one line of at most {@code width} characters. An assertion's message says it
     * all (AssertJ's {@code .as(...)} text, expected and actual); when it is too wide, its description is
     * cut first, so that expected and actual stay. The starter's {@code UnsupportedOperationException} says
     * it too: its message names the task that is not implemented yet. Any other exception comes from the code
     * under test, so its type goes first: "NullPointerException: ..." tells more than the message alone.
     */
    static String of(Throwable failure, int width) {
        String message = failure.getMessage() == null ? "" : oneLine(failure.getMessage());
        boolean messageSaysIt = failure instanceof AssertionError || failure instanceof UnsupportedOperationException;
        String text;
        if (messageSaysIt && !message.isEmpty()) {
            text = message;
        } else {
            String type = failure.getClass().getSimpleName();
            text = message.isEmpty() ? type : type + ": " + message;
        }
        if (text.length() <= width) {
            return text;
        }
        return expectedAndActual(failure)
                .map(comparison -> describedComparison(description(message), comparison, width))
                .orElseGet(() -> TaskSummaryFormatter.fit(text, width));
    }

    /** The lines of a message joined with single spaces, leaving out stack frames an assertion quoted. */
    static String oneLine(String message) {
        StringBuilder line = new StringBuilder();
        message.lines()
                .filter(text -> !STACK_LINE.matcher(text).matches())
                .forEach(text -> line.append(' ').append(text));
        return WHITE_SPACE.matcher(line).replaceAll(" ").trim();
    }

    private static Optional<String> expectedAndActual(Throwable failure) {
        if (failure instanceof AssertionFailedError assertion
                && assertion.isExpectedDefined()
                && assertion.isActualDefined()) {
            return Optional.of(
                    "expected: " + shown(assertion.getExpected()) + " but was: " + shown(assertion.getActual()));
        }
        return Optional.empty();
    }

    private static String shown(ValueWrapper value) {
        return oneLine(value.getStringRepresentation());
    }

    private static String description(String message) {
        var matcher = DESCRIPTION.matcher(message);
        if (!matcher.matches()) {
            return "";
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private static String describedComparison(String description, String comparison, int width) {
        int room = width - comparison.length() - 1;
        if (description.isEmpty() || room < 10) {
            return TaskSummaryFormatter.fit(comparison, width);
        }
        boolean bracketed = description.startsWith("[") && description.endsWith("]");
        String cut = bracketed
                ? "[" + TaskSummaryFormatter.fit(description.substring(1, description.length() - 1), room - 2) + "]"
                : TaskSummaryFormatter.fit(description, room);
        return cut + " " + comparison;
    }
}

package io.prodev.labs.grader.testjvm;

import java.util.Arrays;
import java.util.List;

/**
 * One line of the protocol between the grader and a warm test JVM ({@link WorkerMain}): a kind, then its
 * fields, separated by tabs. Both sides build and read lines only through this type, so the protocol
 * lives in one place.
 *
 * @param kind   what the line says
 * @param fields its fields: the two events files and the learner classes for {@link Kind#RUN}, the fixtures
 *               started for {@link Kind#READY}, the reason for {@link Kind#RETIRE} and {@link Kind#ABANDON},
 *               none otherwise
 */
public record WorkerMessage(Kind kind, List<String> fields) {

    /** The kinds of line, each with the number of fields it carries. */
    public enum Kind {
        /** grader: run every test against these learner classes, writing the visible and the hidden run's events here. */
        RUN(3),
        /** worker: started, sandboxed, its fixtures started (their descriptions, "; "-separated), waiting for a run. */
        READY(1),
        /** worker: this JDK has no SecurityManager, so it will not run anyone's code; it ends. */
        UNSANDBOXED(0),
        /** worker: the run's results stand and the worker takes the next submission. */
        CLEAN(0),
        /** worker: the results stand, but the run left something in the JVM; the worker ends. */
        RETIRE(1),
        /** worker: the run timed out or crashed; its results are dropped and the worker ends. */
        ABANDON(1);

        private final int fields;

        Kind(int fields) {
            this.fields = fields;
        }
    }

    public WorkerMessage {
        fields = List.copyOf(fields);
        if (fields.size() != kind.fields) {
            throw new IllegalArgumentException(kind + " carries " + kind.fields + " field(s), got " + fields.size());
        }
    }

    public static WorkerMessage of(Kind kind, String... fields) {
        return new WorkerMessage(kind, Arrays.asList(fields));
    }

    /** The one line this message is sent as: tabs and line breaks inside a field become spaces. */
    public String line() {
        StringBuilder line = new StringBuilder(kind.name().toLowerCase(java.util.Locale.ROOT));
        fields.forEach(field -> line.append('\t').append(field.replaceAll("[\\t\\r\\n]", " ")));
        return line.toString();
    }

    /** @throws IllegalArgumentException for a line that is not a message of the protocol, quoting it */
    public static WorkerMessage parse(String line) {
        String[] parts = line.split("\t", -1);
        Kind kind;
        try {
            kind = Kind.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a worker message: '" + line + "'", e);
        }
        try {
            return new WorkerMessage(kind, Arrays.asList(parts).subList(1, parts.length));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a worker message: '" + line + "' (" + e.getMessage() + ")", e);
        }
    }

    /** The single field of a {@link Kind#READY}, {@link Kind#RETIRE} or {@link Kind#ABANDON}: what, or why. */
    public String why() {
        return fields.isEmpty() ? "" : fields.get(0);
    }
}

package io.prodev.labs.grader.report;

import java.util.Locale;
import java.util.Set;

/** Submission ids become folder names in a report; these rules keep every folder inside the report. */
public final class SubmissionIds {

    /** The report's own files: a submission with one of these names would collide with them. */
    private static final Set<String> RESERVED =
            Set.of(Gradebook.FILE_NAME, IndexHtml.FILE_NAME, CatalogueJson.FILE_NAME);

    private SubmissionIds() {}

    /** The id itself, when it is a safe folder name; else an IllegalArgumentException naming it. */
    public static String requireSafe(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a submission id must not be empty, got: \"" + id + "\"");
        }
        if (id.contains("/") || id.contains("\\") || id.contains("..") || id.equals(".")) {
            throw new IllegalArgumentException(
                    "submission id must be a plain folder name without '/', '\\' or '..', got: " + printable(id));
        }
        if (id.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "submission id must not contain control characters, got: " + printable(id));
        }
        if (RESERVED.contains(id.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("submission id " + id + " would collide with the report's own " + id);
        }
        return id;
    }

    /** The id with control characters shown as \\uXXXX, so the message itself cannot mislead. */
    private static String printable(String id) {
        StringBuilder out = new StringBuilder("\"");
        id.chars()
                .forEach(c ->
                        out.append(Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", c) : (char) c));
        return out.append('"').toString();
    }
}

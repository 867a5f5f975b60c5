package io.prodev.labs.grader.starter;

import io.prodev.labs.labkit.catalogue.LabTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one file of the reference solution into its learner version by cutting out the marked
 * solution regions (the syntax is in docs/lab-authoring.md).
 *
 * <p>In a {@code .java} file a plain region becomes a {@code throw new UnsupportedOperationException(...)}
 * naming the task, so the starter compiles and every task fails until it is implemented. In any other
 * file a region becomes its {@code STUB:} lines, or nothing. Everything outside regions is kept byte
 * for byte, line terminators included, except the imports the starter no longer uses: they are dropped.
 * Imports take no region because the formatter sorts them, and a marker between imports would move.
 */
public final class SolutionStripper {

    /** An import line; group 1 is the imported simple name (or {@code *}). */
    private static final Pattern IMPORT =
            Pattern.compile("^\\s*import\\s+(?:static\\s+)?[\\w$.]*?([\\w$]+|\\*)\\s*;\\s*\r?$");

    /** How the message of a stub's throw ends ("Task 3 (LRUCache): not implemented yet"); reports look for it. */
    public static final String NOT_IMPLEMENTED = ": not implemented yet";

    private SolutionStripper() {}

    /**
     * @param text         the reference file's content
     * @param relativePath the file's path inside its lab, used in messages and to tell Java from resources
     * @param task         the task whose learner file this is, or null for a file that belongs to no task
     * @return the learner version
     * @throws IllegalArgumentException "{@code relativePath:line: ...}" for an unclosed or nested region,
     *         an END or STUB outside a region, a misspelt marker, or any region in a file of no task
     */
    public static String strip(String text, String relativePath, LabTask task) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(relativePath, "relativePath");
        boolean java = relativePath.endsWith(".java");
        String[] lines = text.split("\n", -1);
        List<String> out = new ArrayList<>(lines.length);
        OpenRegion open = null;
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String eol = lines[i].endsWith("\r") ? "\r" : "";
            String line = lines[i].substring(0, lines[i].length() - eol.length());
            MarkerLine marker = MarkerLine.read(line, java);
            switch (marker.kind()) {
                case CODE -> {
                    if (open == null) {
                        out.add(lines[i]);
                    } else if (java && IMPORT.matcher(line).matches()) {
                        throw error(
                                relativePath,
                                lineNumber,
                                "an import inside the solution region opened at line " + open.line()
                                        + "; imports take no region: the learner edition drops those it no longer uses");
                    }
                }
                case BEGIN, BEGIN_REMOVE -> {
                    if (open != null) {
                        throw error(
                                relativePath,
                                lineNumber,
                                "BEGIN SOLUTION inside the region opened at line " + open.line()
                                        + "; regions do not nest");
                    }
                    if (task == null) {
                        throw error(
                                relativePath,
                                lineNumber,
                                "solution region in a file that no task of lab.json"
                                        + " lists; regions belong only in learner files");
                    }
                    open = new OpenRegion(
                            lineNumber,
                            marker.indent(),
                            eol,
                            marker.kind() == MarkerLine.Kind.BEGIN_REMOVE,
                            new ArrayList<>());
                }
                case STUB -> {
                    if (open == null) {
                        throw error(relativePath, lineNumber, "STUB line outside a solution region");
                    }
                    if (open.remove()) {
                        throw error(
                                relativePath,
                                lineNumber,
                                "STUB line in the \"BEGIN SOLUTION: remove\" region" + " opened at line " + open.line()
                                        + ", which the learner edition removes whole");
                    }
                    open.stubs().add(marker.indent() + marker.stubCode() + eol);
                }
                case END -> {
                    if (open == null) {
                        throw error(relativePath, lineNumber, "END SOLUTION without a BEGIN SOLUTION before it");
                    }
                    out.addAll(replacement(open, java, task));
                    open = null;
                }
                case MALFORMED ->
                    throw error(
                            relativePath,
                            lineNumber,
                            "unknown marker \"" + marker.stubCode()
                                    + "\"; expected BEGIN SOLUTION, BEGIN SOLUTION: remove, END SOLUTION or STUB: <code>");
            }
        }
        if (open != null) {
            throw error(relativePath, open.line(), "BEGIN SOLUTION is never closed by an END SOLUTION");
        }
        return String.join("\n", java ? withoutUnusedImports(out) : out);
    }

    /**
     * Drops each single-type or static import whose simple name no longer appears outside the imports as a
     * whole word. Text in comments counts as a use, so an import a Javadoc link needs stays.
     */
    private static List<String> withoutUnusedImports(List<String> lines) {
        StringBuilder rest = new StringBuilder();
        for (String line : lines) {
            if (!IMPORT.matcher(line).matches()) {
                rest.append(line).append('\n');
            }
        }
        String code = rest.toString();
        List<String> kept = new ArrayList<>(lines.size());
        for (String line : lines) {
            Matcher importLine = IMPORT.matcher(line);
            if (importLine.matches() && !importLine.group(1).equals("*")) {
                Pattern use = Pattern.compile("(?<![\\w$])" + Pattern.quote(importLine.group(1)) + "(?![\\w$])");
                if (!use.matcher(code).find()) {
                    continue;
                }
            }
            kept.add(line);
        }
        return kept;
    }

    /** True when {@code text} has any solution-region marker, in any file format's comment syntax. */
    public static boolean hasRegions(String text) {
        return text.lines().anyMatch(line -> MarkerLine.read(line, false).isRegionMarker());
    }

    private static List<String> replacement(OpenRegion region, boolean java, LabTask task) {
        if (region.remove() || !region.stubs().isEmpty() || !java) {
            return region.stubs();
        }
        String message = "Task " + task.id() + " (" + task.title() + ")" + NOT_IMPLEMENTED;
        return List.of(region.indent() + "throw new UnsupportedOperationException(\"" + javaStringContent(message)
                + "\");" + region.eol());
    }

    /** Escapes a title that contains quotes or backslashes so the thrown message still compiles. */
    private static String javaStringContent(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static IllegalArgumentException error(String relativePath, int line, String problem) {
        return new IllegalArgumentException(relativePath + ":" + line + ": " + problem);
    }

    /** A region whose END has not been seen yet. */
    private record OpenRegion(int line, String indent, String eol, boolean remove, List<String> stubs) {}
}

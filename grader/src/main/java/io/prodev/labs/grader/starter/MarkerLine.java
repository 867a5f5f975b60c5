package io.prodev.labs.grader.starter;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One line of a source file, read as a solution-region marker or as plain code.
 *
 * <p>A marker is a comment alone on its line: {@code // BEGIN SOLUTION}, {@code // BEGIN SOLUTION: remove},
 * {@code // END SOLUTION} or {@code // STUB: code}; other files may use {@code #}, {@code --} or
 * {@code <!-- ... -->} instead of {@code //}. A comment that starts with a marker word but says something
 * else is {@link Kind#MALFORMED}, so a typo fails loudly instead of leaking the solution.
 *
 * @param kind     what the line is
 * @param indent   the line's leading whitespace
 * @param stubCode for {@link Kind#STUB}, the code to emit; for {@link Kind#MALFORMED}, the comment's text
 */
record MarkerLine(Kind kind, String indent, String stubCode) {

    enum Kind {
        CODE,
        BEGIN,
        BEGIN_REMOVE,
        END,
        STUB,
        MALFORMED
    }

    /** Java has one line comment; resource files use whichever their format has. */
    private static final List<String> JAVA_MARKS = List.of("//");

    private static final List<String> ANY_MARKS = List.of("//", "#", "--", "<!--");
    private static final Pattern REMOVE_OPTION = Pattern.compile("\\s*:\\s*remove\\s*");
    private static final MarkerLine CODE = new MarkerLine(Kind.CODE, "", "");

    /**
     * @param line      one line, without its line terminator
     * @param javaMarks true to accept only {@code //} comments (a {@code .java} file)
     */
    static MarkerLine read(String line, boolean javaMarks) {
        String rest = line.stripLeading();
        String indent = line.substring(0, line.length() - rest.length());
        for (String mark : javaMarks ? JAVA_MARKS : ANY_MARKS) {
            if (rest.startsWith(mark)) {
                return readComment(rest.substring(mark.length()), mark, indent);
            }
        }
        return CODE;
    }

    private static MarkerLine readComment(String body, String mark, String indent) {
        String words = body.strip();
        boolean closedXml = !mark.equals("<!--") || words.endsWith("-->");
        if (mark.equals("<!--") && closedXml) {
            words = words.substring(0, words.length() - "-->".length()).strip();
            body = body.substring(0, body.lastIndexOf("-->")).stripTrailing();
        }
        if (words.startsWith("STUB:")) {
            String code = body.stripLeading().substring("STUB:".length());
            // One space separates "STUB:" from the code; any more is the code's own indentation.
            code = code.startsWith(" ") ? code.substring(1) : code;
            return closedXml ? new MarkerLine(Kind.STUB, indent, code.stripTrailing()) : malformed(indent, words);
        }
        if (words.startsWith("BEGIN SOLUTION")) {
            String option = words.substring("BEGIN SOLUTION".length());
            if (!closedXml) {
                return malformed(indent, words);
            }
            if (option.isEmpty()) {
                return new MarkerLine(Kind.BEGIN, indent, "");
            }
            return REMOVE_OPTION.matcher(option).matches()
                    ? new MarkerLine(Kind.BEGIN_REMOVE, indent, "")
                    : malformed(indent, words);
        }
        if (words.startsWith("END SOLUTION")) {
            return closedXml && words.equals("END SOLUTION")
                    ? new MarkerLine(Kind.END, indent, "")
                    : malformed(indent, words);
        }
        return CODE;
    }

    private static MarkerLine malformed(String indent, String words) {
        return new MarkerLine(Kind.MALFORMED, indent, words);
    }

    /** True for the lines that open or close a region, or try to. */
    boolean isRegionMarker() {
        return kind == Kind.BEGIN || kind == Kind.BEGIN_REMOVE || kind == Kind.END || kind == Kind.MALFORMED;
    }
}

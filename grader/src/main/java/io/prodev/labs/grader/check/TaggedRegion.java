package io.prodev.labs.grader.check;

import java.util.ArrayList;
import java.util.List;

/**
 * The region of an example source that its README shows: the lines between {@code // tag::example[]} and
 * {@code // end::example[]}, each marker alone on its line (the tag syntax of Asciidoctor's includes, which
 * JUnit's user guide uses too). Everything outside it (package, imports, where a server's URL comes from) is
 * context the README leaves out.
 */
final class TaggedRegion {

    static final String START = "// tag::example[]";
    static final String END = "// end::example[]";

    private TaggedRegion() {}

    /**
     * @param source the example's source text
     * @param file   the source's name, for problems
     * @return the region's lines, its common indentation removed, trailing white space and blank lines at
     *         either end dropped
     * @throws IllegalArgumentException saying what is wrong with the markers, naming the file and line
     */
    static List<NumberedLine> of(String source, String file) {
        List<String> lines = source.lines().toList();
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            String marker = lines.get(i).strip();
            if (marker.equals(START)) {
                if (start >= 0) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": a second `" + START + "` (line "
                            + (start + 1) + " has the first); an example has one region");
                }
                start = i;
            } else if (marker.equals(END)) {
                if (start < 0 || end >= 0) {
                    throw new IllegalArgumentException(
                            file + ":" + (i + 1) + ": `" + END + "` without a `" + START + "` before it");
                }
                end = i;
            }
        }
        if (start < 0) {
            throw new IllegalArgumentException(file + " has no line `" + START + "`: mark the code the README shows"
                    + " with it and `" + END + "`");
        }
        if (end < 0) {
            throw new IllegalArgumentException(
                    file + ":" + (start + 1) + ": `" + START + "` is never closed by `" + END + "`");
        }
        List<NumberedLine> region = new ArrayList<>();
        for (int i = start + 1; i < end; i++) {
            region.add(new NumberedLine(i + 1, lines.get(i)));
        }
        return trimmed(dedented(region));
    }

    /** Removes the indentation all non-blank lines share, and every line's trailing white space. */
    static List<NumberedLine> dedented(List<NumberedLine> lines) {
        int common = lines.stream()
                .map(NumberedLine::text)
                .filter(text -> !text.isBlank())
                .mapToInt(TaggedRegion::indentation)
                .min()
                .orElse(0);
        return lines.stream()
                .map(line -> new NumberedLine(
                        line.number(),
                        line.text().isBlank()
                                ? ""
                                : line.text().substring(common).stripTrailing()))
                .toList();
    }

    /** Drops blank lines at either end and every line's trailing white space. */
    static List<NumberedLine> trimmed(List<NumberedLine> lines) {
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).text().isBlank()) {
            from++;
        }
        while (to > from && lines.get(to - 1).text().isBlank()) {
            to--;
        }
        return lines.subList(from, to).stream()
                .map(line -> new NumberedLine(line.number(), line.text().stripTrailing()))
                .toList();
    }

    private static int indentation(String line) {
        int spaces = 0;
        while (spaces < line.length() && Character.isWhitespace(line.charAt(spaces))) {
            spaces++;
        }
        return spaces;
    }
}

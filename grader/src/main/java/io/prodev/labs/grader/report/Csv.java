package io.prodev.labs.grader.report;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break. */
public final class Csv {

    /** One record and the line it starts on, for error messages. */
    public record Row(int line, List<String> fields) {
        public Row {
            fields = List.copyOf(fields);
        }
    }

    private Csv() {}

    /** One record, ending with CRLF. */
    public static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String field = fields.get(i) == null ? "" : fields.get(i);
            boolean quote = field.indexOf(',') >= 0
                    || field.indexOf('"') >= 0
                    || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0;
            out.append(quote ? '"' + field.replace("\"", "\"\"") + '"' : field);
        }
        return out.append("\r\n").toString();
    }

    /**
     * Every record of the text; CRLF or LF line ends, blank lines skipped.
     *
     * @param where names the source in error messages ("/tmp/out/gradebook.csv")
     */
    public static List<Row> parse(String text, String where) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowStart = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                    afterQuote = true;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRow(rows, fields, field, rowStart, afterQuote);
                afterQuote = false;
                line++;
                rowStart = line;
            } else if (afterQuote) {
                throw malformed(where, line, "text after a closing quote");
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw malformed(where, line, "a quote inside an unquoted field");
                }
                quoted = true;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw malformed(where, rowStart, "a quoted field that never ends");
        }
        endRow(rows, fields, field, rowStart, afterQuote);
        return rows;
    }

    private static void endRow(List<Row> rows, List<String> fields, StringBuilder field, int line, boolean quoted) {
        boolean blank = fields.isEmpty() && field.length() == 0 && !quoted;
        if (!blank) {
            fields.add(field.toString());
            rows.add(new Row(line, fields));
        }
        fields.clear();
        field.setLength(0);
    }

    private static IllegalArgumentException malformed(String where, int line, String what) {
        return new IllegalArgumentException(where + " line " + line + ": malformed CSV, " + what);
    }
}

package io.prodev.labs.grader.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown that learner text cannot break: inline text is backslash-escaped, blocks are fenced with
 * more backticks than the longest run inside them.
 */
public final class Markdown {

    private static final Pattern BACKTICKS = Pattern.compile("`+");
    /**
     * Characters that start emphasis, code, links, HTML, entities, tables or strike-through anywhere in
     * a line. Line-start markers (-, +, 1.) need no escape: inline text never starts a line here.
     */
    private static final String SPECIAL = "\\`*_[]<&#|~";

    private Markdown() {}

    /** One line of inline text: special characters escaped, line breaks turned into spaces. */
    public static String inline(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c :
                text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').toCharArray()) {
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A fenced code block holding the text verbatim, ending with a newline. */
    public static String fence(String text) {
        String body = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
        String fence = "`".repeat(Math.max(3, longestBacktickRun(body) + 1));
        StringBuilder out = new StringBuilder(fence).append("text\n").append(body);
        if (!body.endsWith("\n")) {
            out.append('\n');
        }
        return out.append(fence).append('\n').toString();
    }

    /** A code span for a short value such as a file name, safe whatever backticks it holds. */
    public static String code(String text) {
        String body = text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
        String ticks = "`".repeat(longestBacktickRun(body) + 1);
        String pad = body.startsWith("`") || body.endsWith("`") ? " " : "";
        return ticks + pad + body + pad + ticks;
    }

    static int longestBacktickRun(String text) {
        int longest = 0;
        Matcher run = BACKTICKS.matcher(text);
        while (run.find()) {
            longest = Math.max(longest, run.group().length());
        }
        return longest;
    }
}

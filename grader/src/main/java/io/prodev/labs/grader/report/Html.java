package io.prodev.labs.grader.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Escaping for HTML and SVG text: everything a submission or a catalogue says passes through here. */
public final class Html {

    private Html() {}

    /** Text safe in element content and in double- or single-quoted attributes. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /**
     * One path segment of a relative link: percent-encoded so that '#', '?' or '%' in a submission id
     * cannot turn the rest of the link into a fragment or a query.
     */
    public static String pathSegment(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

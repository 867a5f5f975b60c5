package io.prodev.labs.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the Prometheus text format (version 0.0.4) strictly, the way a scraper would, into samples keyed
 * {@code name{label="value",...}} with labels in name order, so tests compare what a scraper sees.
 */
final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)( -?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
    private static final Pattern COMMENT = Pattern.compile("# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)");

    /** The samples, keyed as described; the value is the sample's. */
    final Map<String, Double> samples = new LinkedHashMap<>();
    /** Each metric family's TYPE. */
    final Map<String, String> types = new LinkedHashMap<>();

    private PrometheusText() {}

    static PrometheusText parse(String text) {
        PrometheusText parsed = new PrometheusText();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher comment = COMMENT.matcher(line);
                if (!comment.matches()) {
                    throw new AssertionError("not a HELP or TYPE line of the text format: " + line);
                }
                if (comment.group(1).equals("TYPE")) {
                    parsed.types.put(comment.group(2), comment.group(3));
                }
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new AssertionError("not a sample line of the text format: " + line);
            }
            Map<String, String> labels = new TreeMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                int end = 0;
                while (label.find() && label.start() == end) {
                    labels.put(label.group(1), label.group(2));
                    end = label.end();
                }
                if (end != sample.group(3).length()) {
                    throw new AssertionError("malformed labels in: " + line);
                }
            }
            parsed.samples.put(key(sample.group(1), labels), Double.parseDouble(sample.group(4)));
        }
        return parsed;
    }

    /** The key of a sample: {@code key("http_requests_total", "method", "GET", "path", "/")}. */
    static String key(String name, String... labelPairs) {
        Map<String, String> labels = new TreeMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            labels.put(labelPairs[i], labelPairs[i + 1]);
        }
        return key(name, labels);
    }

    private static String key(String name, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return name;
        }
        return name
                + labels.entrySet().stream()
                        .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                        .collect(Collectors.joining(",", "{", "}"));
    }

    /** A sample's value, or null when the exposition has no such sample. */
    Double value(String name, String... labelPairs) {
        return samples.get(key(name, labelPairs));
    }
}

package io.prodev.labs.grader.report;

import io.prodev.labs.grader.model.TestResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What learners may know of hidden tests: that they exist, their task, and whether they passed.
 * Hidden tests are numbered within their task in the result's (stable) test order, and their names
 * are scrubbed from any free text a report prints, such as notes or another test's output.
 */
public final class HiddenTests {

    private static final String REDACTED = "[hidden test]";
    /** Shorter fragments (a method called "get") would blot out ordinary words. */
    private static final int SHORTEST_FRAGMENT = 6;

    /** The test class in a JUnit Jupiter unique id: {@code [class:io.prodev.labs.caching.LRUCacheHiddenTest]}. */
    private static final Pattern CLASS_SEGMENT = Pattern.compile("\\[class:([\\w.$]+)]");

    private final Map<TestResult, Integer> numbers = new IdentityHashMap<>();
    private final List<String> secrets;

    public HiddenTests(List<TestResult> tests) {
        Map<String, Integer> countPerTask = new HashMap<>();
        List<String> fragments = new ArrayList<>();
        for (TestResult test : tests) {
            if (test.hidden()) {
                numbers.put(test, countPerTask.merge(test.taskId(), 1, Integer::sum));
                addSecret(fragments, test.uniqueId());
                addSecret(fragments, test.name());
                addSecret(fragments, lastPart(test.name()));
                // Its class, by full and simple name: a thread or a note may be named after it.
                Matcher type = CLASS_SEGMENT.matcher(test.uniqueId());
                if (type.find()) {
                    addSecret(fragments, type.group(1));
                    addSecret(fragments, type.group(1).substring(type.group(1).lastIndexOf('.') + 1));
                }
            }
        }
        // Longest first, so a full name is replaced before the method name inside it.
        fragments.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        this.secrets = List.copyOf(fragments);
    }

    /** "hidden test 2 of task 3". */
    public String label(TestResult hiddenTest) {
        return "hidden test " + number(hiddenTest) + " of task " + hiddenTest.taskId();
    }

    /** The hidden test's number within its task, counting from 1. */
    public int number(TestResult hiddenTest) {
        Integer number = numbers.get(hiddenTest);
        if (number == null) {
            throw new IllegalArgumentException("not a hidden test of this result: " + hiddenTest.uniqueId());
        }
        return number;
    }

    /** The text with every hidden test's id and name replaced, or null for null. */
    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, REDACTED);
        }
        return out;
    }

    private static void addSecret(List<String> fragments, String fragment) {
        if (fragment != null
                && fragment.strip().length() >= SHORTEST_FRAGMENT
                && !fragments.contains(fragment.strip())) {
            fragments.add(fragment.strip());
        }
    }

    /** "evictsOldest()" of "LRUCacheTest > evictsOldest()", without its parentheses. */
    private static String lastPart(String name) {
        if (name == null) {
            return null;
        }
        String last = name.substring(name.lastIndexOf('>') + 1).strip();
        int paren = last.indexOf('(');
        return paren > 0 ? last.substring(0, paren) : last;
    }
}

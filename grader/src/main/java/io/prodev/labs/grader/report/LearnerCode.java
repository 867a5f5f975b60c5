package io.prodev.labs.grader.report;

import io.prodev.labs.grader.starter.SolutionStripper;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learner's files of a lab, as feedback needs them: which task a file belongs to, and which stack frames
 * point into learner code (the only frames a learner can act on).
 */
final class LearnerCode {

    /** Lines of a failure message kept in feedback.md; results.json has the whole message. */
    private static final int MESSAGE_LINES = 6;
    /** Stack frames kept, the innermost first. */
    private static final int FRAMES = 2;
    /** Characters kept of one line. */
    private static final int LINE_LENGTH = 200;

    private static final String JAVA_ROOT = "src/main/java/";
    /** What the starter's stubs throw (the grader's SolutionStripper writes them). */
    private static final String STARTER_EXCEPTION = "java.lang.UnsupportedOperationException: Task ";

    private static final String NOT_IMPLEMENTED = ")" + SolutionStripper.NOT_IMPLEMENTED;

    private final Map<String, String> taskByFile = new LinkedHashMap<>();
    private final List<String> classNames = new ArrayList<>();

    LearnerCode(LabCatalogue catalogue) {
        for (LabTask task : catalogue.tasks()) {
            for (String file : task.files()) {
                taskByFile.putIfAbsent(file, task.id());
                if (file.startsWith(JAVA_ROOT) && file.endsWith(".java")) {
                    classNames.add(file.substring(JAVA_ROOT.length(), file.length() - ".java".length())
                            .replace('/', '.'));
                }
            }
        }
    }

    /** The id of the task whose files include {@code file}, or null. */
    String taskOf(String file) {
        return taskByFile.get(file);
    }

    /**
     * A failure message as feedback shows it.
     *
     * @param text   its first lines, each cut to a readable length
     * @param frames at most two of its stack frames, those in learner code; frames in tests or libraries are
     *               left out
     */
    record ShortMessage(String text, String frames) {

        /** The text, then the frames under it. */
        String withFrames() {
            return frames.isEmpty() ? text : text + "\n" + frames;
        }
    }

    ShortMessage shorten(String message) {
        if (message == null || message.isBlank()) {
            return new ShortMessage("the test did not pass and gave no message", "");
        }
        List<String> text = new ArrayList<>();
        List<String> frames = new ArrayList<>();
        boolean cut = false;
        String[] lines = message.strip().split("\r?\n");
        String starter = starterThrow(lines);
        for (String line : lines) {
            String frame = line.strip();
            if (starter != null && !frame.startsWith("at ")) {
                continue; // a test that expected something else met the starter's throw: that throw is the news
            }
            if (frame.startsWith("...(") && frame.contains("remaining lines not displayed")) {
                continue; // AssertJ's note on the frames it left out
            }
            if (frame.startsWith("at ")) {
                if (frames.size() < FRAMES && inLearnerCode(frame.substring("at ".length()))) {
                    frames.add("    " + frame);
                }
            } else if (text.size() < MESSAGE_LINES) {
                text.add(line.length() <= LINE_LENGTH ? line : line.substring(0, LINE_LENGTH) + " …");
            } else {
                cut = true;
            }
        }
        if (cut) {
            text.add("… (the whole message is in results.json)");
        }
        if (starter != null) {
            text.add(0, starter);
        }
        return new ShortMessage(String.join("\n", text), String.join("\n", frames));
    }

    /**
     * The line of the starter's own {@code UnsupportedOperationException} ("Task 3 (LRUCache): not implemented
     * yet", which the learner edition's stubs throw) when the message holds one, from the exception's name on.
     */
    private static String starterThrow(String[] lines) {
        for (String line : lines) {
            int exception = line.indexOf(STARTER_EXCEPTION);
            if (exception >= 0 && line.endsWith(NOT_IMPLEMENTED)) {
                return line.substring(exception).strip();
            }
        }
        return null;
    }

    /** The text's first {@code count} lines, and how many more there were. */
    static String firstLines(String text, int count) {
        List<String> lines = text == null ? List.of() : text.strip().lines().toList();
        if (lines.size() <= count) {
            return String.join("\n", lines);
        }
        return String.join("\n", lines.subList(0, count)) + "\n… (" + (lines.size() - count) + " more lines)";
    }

    private boolean inLearnerCode(String frame) {
        return classNames.stream().anyMatch(name -> frame.startsWith(name + ".") || frame.startsWith(name + "$"));
    }
}

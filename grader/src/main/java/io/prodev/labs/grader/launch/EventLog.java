package io.prodev.labs.grader.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodev.labs.grader.model.TestResult;
import io.prodev.labs.grader.model.TestStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON lines forked runs wrote, one file per fork, adding up. A test that was announced but has
 * no "finished" line is an error with the reason the run ended, never a pass. A torn last line (the JVM
 * killed mid-write) is skipped.
 *
 * <p>Events of the hidden run are read for one thing only: which test passed. Every test it announces counts
 * as hidden, its messages and output are dropped, and what the sandbox denied in it is reported without
 * detail, so nothing learner code saw while hidden tests ran (their names, their stack frames, their files)
 * reaches a learner's report, whatever that code wrote into its events.
 */
final class EventLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> announced = new LinkedHashMap<>();
    private final Map<String, JsonNode> finished = new LinkedHashMap<>();
    private final Set<String> notes = new LinkedHashSet<>();
    private String running;
    private String crash;
    private boolean done;
    /** The largest weight labkit's {@code @Weight} allows. */
    private static final int MAX_WEIGHT = 100;

    private Boolean sandboxed;
    private Boolean programsBlocked;
    private final Set<String> hiddenRun = new LinkedHashSet<>();
    private boolean readingHiddenRun;

    /** Adds one fork's events of the visible run; says whether that fork finished its whole plan. */
    boolean add(Path file) throws IOException {
        return add(file, false);
    }

    /** Adds one fork's events, of the hidden run or not; says whether that fork finished its whole plan. */
    boolean add(Path file, boolean hiddenRun) throws IOException {
        readingHiddenRun = hiddenRun;
        running = null;
        crash = null;
        done = false;
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                try {
                    accept(JSON.readTree(line));
                } catch (IOException tornLine) {
                    // the last line of a killed JVM; everything before it stands
                }
            }
        }
        if (running != null && finished.containsKey(running)) {
            running = null;
        }
        return done;
    }

    private void accept(JsonNode event) {
        String id = event.path("id").asText();
        if (readingHiddenRun) {
            acceptFromHiddenRun(id, event);
            return;
        }
        switch (event.path("event").asText()) {
            case "test" -> announced.putIfAbsent(id, event);
            case "started" -> running = id;
            case "finished" -> finished.putIfAbsent(id, event);
            case "denied" -> notes.add(event.path("what").asText());
            case "sandbox" -> {
                sandboxed = sandboxed == null ? event.path("active").asBoolean() : sandboxed;
                programsBlocked =
                        programsBlocked == null ? event.path("programs_blocked").asBoolean() : programsBlocked;
            }
            case "crashed" -> crash = event.path("reason").asText();
            case "done" -> done = true;
            default -> {}
        }
    }

    private void acceptFromHiddenRun(String id, JsonNode event) {
        switch (event.path("event").asText()) {
            case "test" -> {
                if (!announced.containsKey(id)) {
                    hiddenRun.add(id);
                    announced.put(
                            id,
                            ((com.fasterxml.jackson.databind.node.ObjectNode) event.deepCopy()).put("hidden", true));
                }
            }
            case "started" -> running = hiddenRun.contains(id) ? id : running;
            case "finished" -> {
                if (hiddenRun.contains(id)) {
                    finished.putIfAbsent(
                            id,
                            JSON.createObjectNode()
                                    .put("status", event.path("status").asText("error"))
                                    .put("output", ""));
                }
            }
            case "denied" ->
                notes.add("Your code was denied something by the grader's sandbox while the hidden tests ran.");
            case "crashed" -> crash = "the test JVM crashed while the hidden tests ran";
            case "done" -> done = true;
            default -> {}
        }
    }

    /** Whether the hidden run announced any test. */
    boolean anyHiddenTestKnown() {
        return !hiddenRun.isEmpty();
    }

    /** The unfinished tests of the hidden run, or of the visible one. */
    List<String> unfinished(boolean ofHiddenRun) {
        return unfinished().stream()
                .filter(id -> hiddenRun.contains(id) == ofHiddenRun)
                .toList();
    }

    boolean completed() {
        return done;
    }

    /** The test that was running when the last fork ended, if one was. */
    String running() {
        return running;
    }

    /** What brought the last fork down, as it said itself, or null. */
    String crash() {
        return crash;
    }

    /** Marks the test that brought a fork down, so the next fork leaves it out. */
    void blame(String id, String reason) {
        finished.putIfAbsent(
                id,
                JSON.createObjectNode()
                        .put("status", "error")
                        .put("message", reason)
                        .put("output", ""));
    }

    /**
     * Marks the test that brought a fork down and the unfinished tests of its task: the task is lost
     * whatever they do, and leaving them out keeps a crash in every test of one task from using up
     * every new JVM before the other tasks get theirs.
     */
    void blameWithItsTask(String id, String reason) {
        blame(id, "crashed the test JVM: " + reason);
        String task = announced.containsKey(id) ? announced.get(id).path("task").asText(null) : null;
        if (task == null) {
            return;
        }
        for (String other : unfinished()) {
            if (task.equals(announced.get(other).path("task").asText(null))) {
                blame(other, "not run: another test of task " + task + " crashed the test JVM (" + reason + ")");
            }
        }
    }

    /** Tests announced but not finished yet. */
    List<String> unfinished() {
        return announced.keySet().stream()
                .filter(id -> !finished.containsKey(id))
                .toList();
    }

    boolean sandboxed() {
        return Boolean.TRUE.equals(sandboxed);
    }

    /** Whether the test JVM's seccomp filter forbade starting programs ({@code NoPrograms}, JDK 22 and later). */
    boolean programsBlocked() {
        return Boolean.TRUE.equals(programsBlocked);
    }

    boolean anyTestKnown() {
        return !announced.isEmpty();
    }

    List<String> notes() {
        return new ArrayList<>(notes);
    }

    /** The note a run gets when some of its tests never finished. */
    static String unfinishedNote(String whyUnfinished) {
        return "The test run " + whyUnfinished + "; tests that had not finished count as not passed.";
    }

    /** @param whyUnfinished the reason given to tests that never finished */
    List<TestResult> results(String whyUnfinished) {
        List<TestResult> results = new ArrayList<>();
        announced.forEach((id, test) -> {
            JsonNode end = finished.get(id);
            String name = test.path("name").asText(id);
            String task = test.hasNonNull("task") ? test.get("task").asText() : null;
            boolean hidden = test.path("hidden").asBoolean();
            // Only a hidden run's tests keep a hint: a visible test's own message says more.
            String hint = hidden && test.hasNonNull("hint") ? test.get("hint").asText() : null;
            // Out of range (a typo in @Weight, or a forged event) counts as the default weight.
            int weight = test.path("weight").asInt(1);
            weight = weight >= 1 && weight <= MAX_WEIGHT ? weight : 1;
            if (end == null) {
                String reason =
                        id.equals(running) ? "did not finish: " + whyUnfinished : "did not run: " + whyUnfinished;
                results.add(new TestResult(id, name, task, hidden, TestStatus.ERROR, reason, "", hint, weight));
            } else {
                TestStatus status =
                        TestStatus.valueOf(end.path("status").asText("error").toUpperCase(Locale.ROOT));
                String message = end.hasNonNull("message") ? end.get("message").asText() : null;
                results.add(new TestResult(
                        id,
                        name,
                        task,
                        hidden,
                        status,
                        message,
                        end.path("output").asText(""),
                        hint,
                        weight));
            }
        });
        return results;
    }
}

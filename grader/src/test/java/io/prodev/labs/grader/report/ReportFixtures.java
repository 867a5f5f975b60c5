package io.prodev.labs.grader.report;

import io.prodev.labs.grader.model.CompileProblem;
import io.prodev.labs.grader.model.GradeStatus;
import io.prodev.labs.grader.model.SubmissionResult;
import io.prodev.labs.grader.model.TaskScore;
import io.prodev.labs.grader.model.TestResult;
import io.prodev.labs.grader.model.TestStatus;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.time.Instant;
import java.util.List;

/** Small, readable results for report tests: a three-task lab and learners who do well or badly. */
final class ReportFixtures {

    static final String HIDDEN_NAME = "SecretEvictionTest > evictsUnderConcurrentWriters()";
    static final String HIDDEN_MESSAGE = "expected eviction order [k3, k1] but was [k1]";
    static final Instant GRADED_AT = Instant.parse("2025-03-01T10:15:30Z");

    private ReportFixtures() {}

    static LabCatalogue catalogue() {
        return new LabCatalogue(
                "caching-lab",
                "Caching: eviction policies",
                "Caching in Django",
                List.of(
                        new LabTask("0", "BasicCache", 5, List.of("src/main/java/BasicCache.java")),
                        new LabTask("1", "FIFOCache", 10, List.of("src/main/java/FIFOCache.java")),
                        new LabTask("3", "LRUCache", 10, List.of("src/main/java/LRUCache.java"))));
    }

    /** Task 0 and 1 full, task 3 loses its visible test and one of two hidden tests. */
    static SubmissionResult partial(String id) {
        List<TestResult> tests = List.of(
                visible("BasicCacheTest > putsAndGets()", "0", TestStatus.PASS, null, ""),
                visible("FIFOCacheTest > evictsFirstIn()", "1", TestStatus.PASS, null, "DISCARD: A\n"),
                visible(
                        "LRUCacheTest > evictsLeastRecentlyUsed()",
                        "3",
                        TestStatus.FAIL,
                        "after get(\"A\"), put(\"E\") should evict B\nexpected: null\n but was: \"b\"",
                        "DISCARD: A\n"),
                hidden("LRUCacheHiddenTest > keepsCapacity()", "3", TestStatus.PASS, null),
                hidden(HIDDEN_NAME, "3", TestStatus.FAIL, HIDDEN_MESSAGE));
        List<TaskScore> tasks = List.of(
                new TaskScore("0", "BasicCache", 1, 1, 5, 5),
                new TaskScore("1", "FIFOCache", 1, 1, 10, 10),
                new TaskScore("3", "LRUCache", 1, 3, 0, 10));
        return new SubmissionResult(
                id,
                "caching-lab",
                GradeStatus.FAIL,
                null,
                List.of("ignored changed test file src/test/java/LRUCacheTest.java"),
                List.of(),
                tests,
                tasks,
                15,
                25,
                GRADED_AT);
    }

    /** {@link #partial}'s result with other notes and tests: for tests of how a report shows them. */
    static SubmissionResult withNotesAndTests(String id, List<String> notes, List<TestResult> tests) {
        SubmissionResult base = partial(id);
        return new SubmissionResult(
                id,
                base.lab(),
                base.status(),
                null,
                notes,
                List.of(),
                tests,
                base.tasks(),
                base.total(),
                base.max(),
                base.gradedAt());
    }

    /** Every test passes. */
    static SubmissionResult perfect(String id) {
        return withScores(id, GradeStatus.PASS, 5, 10, 10);
    }

    /** A result with the given task points and no tests, for gradebook and index arithmetic. */
    static SubmissionResult withScores(String id, GradeStatus status, double task0, double task1, double task3) {
        List<TaskScore> tasks = List.of(
                new TaskScore("0", "BasicCache", task0 == 5 ? 1 : 0, 1, task0, 5),
                new TaskScore("1", "FIFOCache", task1 == 10 ? 1 : 0, 1, task1, 10),
                new TaskScore("3", "LRUCache", task3 == 10 ? 1 : 0, 1, task3, 10));
        return new SubmissionResult(
                id,
                "caching-lab",
                status,
                null,
                List.of(),
                List.of(),
                List.of(),
                tasks,
                task0 + task1 + task3,
                25,
                GRADED_AT);
    }

    /** LRUCache.java did not compile, so task 3 fell back to the starter and earned nothing. */
    static SubmissionResult notCompiling(String id) {
        SubmissionResult base = partial(id);
        CompileProblem problem = new CompileProblem(
                "src/main/java/LRUCache.java",
                12,
                "src/main/java/LRUCache.java:12: error: ';' expected\n    return map.get(key)\n                       ^");
        return new SubmissionResult(
                id,
                base.lab(),
                GradeStatus.FAIL,
                null,
                base.notes(),
                List.of(problem),
                base.tests(),
                base.tasks(),
                base.total(),
                base.max(),
                base.gradedAt());
    }

    static TestResult visible(String name, String task, TestStatus status, String message, String output) {
        return new TestResult(
                "[engine:junit-jupiter]/[method:" + name + "]", name, task, false, status, message, output);
    }

    static TestResult hidden(String name, String task, TestStatus status, String message) {
        return new TestResult(
                "[engine:junit-jupiter]/[hidden:" + name + "]",
                name,
                task,
                true,
                status,
                message,
                status == TestStatus.PASS ? "" : "hidden output: " + name);
    }

    /** A failing hidden test whose class or method carries {@code @Hint}. */
    static TestResult hiddenWithHint(String name, String task, String hint) {
        return new TestResult(
                "[engine:junit-jupiter]/[hidden:" + name + "]",
                name,
                task,
                true,
                TestStatus.FAIL,
                HIDDEN_MESSAGE,
                "hidden output: " + name,
                hint,
                1);
    }
}

package io.prodev.labs.grader.testjvm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.TaskIds;
import io.prodev.labs.labkit.TestSourceTasks;
import io.prodev.labs.labkit.Weight;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes an event for every test as the run goes: "test" (what exists), "started", "finished". A test
 * that never gets a "finished" line did not run, and the grader never counts it as passed.
 */
final class StreamingListener implements TestExecutionListener {

    private final EventWriter writer;
    private final OutputCapture output;
    private final Set<String> finished = new HashSet<>();
    private final java.util.Map<String, Long> startedAt = new java.util.HashMap<>();
    private final Runnable onTimeout;
    private TestPlan plan;

    /** @param onTimeout what to do once a test has timed out (its thread may still be running) */
    StreamingListener(EventWriter writer, OutputCapture output, Runnable onTimeout) {
        this.writer = writer;
        this.output = output;
        this.onTimeout = onTimeout;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        testPlan.getRoots()
                .forEach(root -> testPlan.getDescendants(root).stream()
                        .filter(TestIdentifier::isTest)
                        .forEach(this::announce));
    }

    @Override
    public void dynamicTestRegistered(TestIdentifier identifier) {
        if (identifier.isTest()) {
            announce(identifier);
        }
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        if (identifier.isTest()) {
            output.take(); // whatever was printed between tests belongs to no test
            startedAt.put(identifier.getUniqueId(), System.nanoTime());
            writer.write(writer.event("started").put("id", identifier.getUniqueId()));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        if (identifier.isTest()) {
            finish(identifier, "error", "not run: skipped (" + reason + ")", "");
        } else {
            plan.getDescendants(identifier).stream()
                    .filter(TestIdentifier::isTest)
                    .forEach(test -> finish(test, "error", "not run: skipped (" + reason + ")", ""));
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.isTest()) {
            finish(identifier, status(result), FailureMessages.describe(result), output.take());
            if (result.getThrowable()
                    .filter(java.util.concurrent.TimeoutException.class::isInstance)
                    .isPresent()) {
                onTimeout.run();
            }
            return;
        }
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            // A class whose set-up failed never starts its tests: each of them gets the reason.
            String why =
                    "could not run: " + identifier.getDisplayName() + " failed: " + FailureMessages.describe(result);
            plan.getDescendants(identifier).stream()
                    .filter(TestIdentifier::isTest)
                    .forEach(test -> finish(test, "error", why, ""));
        }
    }

    private void announce(TestIdentifier test) {
        ObjectNode event = writer.event("test")
                .put("id", test.getUniqueId())
                .put("name", name(test))
                .put("hidden", hidden(test));
        TestSourceTasks.taskOf(test, TestIdentifier::getSource, plan::getParent)
                .ifPresent(task -> event.put("task", task));
        hint(test).ifPresent(hint -> event.put("hint", hint));
        weight(test).ifPresent(weight -> event.put("weight", weight));
        writer.write(event);
    }

    private void finish(TestIdentifier test, String status, String message, String printed) {
        if (!finished.add(test.getUniqueId())) {
            return;
        }
        Long started = startedAt.get(test.getUniqueId());
        ObjectNode event = writer.event("finished")
                .put("id", test.getUniqueId())
                .put("status", status)
                .put("output", printed)
                .put("ms", started == null ? 0 : (System.nanoTime() - started) / 1_000_000);
        if (message != null) {
            event.put("message", message);
        }
        writer.write(event);
    }

    private static String status(TestExecutionResult result) {
        return switch (result.getStatus()) {
            case SUCCESSFUL -> "pass";
            case FAILED ->
                result.getThrowable().filter(AssertionError.class::isInstance).isPresent() ? "fail" : "error";
            case ABORTED -> "error";
        };
    }

    private String name(TestIdentifier test) {
        StringBuilder name = new StringBuilder(test.getDisplayName());
        for (Optional<TestIdentifier> parent = plan.getParent(test);
                parent.isPresent();
                parent = plan.getParent(parent.get())) {
            if (parent.get().getParentId().isEmpty()) {
                break; // the engine
            }
            name.insert(0, parent.get().getDisplayName() + " > ");
        }
        return name.toString();
    }

    private boolean hidden(TestIdentifier test) {
        for (Optional<TestIdentifier> node = Optional.of(test); node.isPresent(); node = plan.getParent(node.get())) {
            Optional<Class<?>> type = node.get().getSource().flatMap(StreamingListener::classOf);
            if (type.isPresent()) {
                return TaskIds.isHidden(type.get());
            }
        }
        return false;
    }

    /** The test's {@code @Weight}, from its method or else its class; empty for the default. */
    private static Optional<Integer> weight(TestIdentifier test) {
        return annotation(test, Weight.class).map(Weight::value);
    }

    /** The test's {@code @Hint}, from its method or else its class. */
    private static Optional<String> hint(TestIdentifier test) {
        return annotation(test, Hint.class).map(Hint::value);
    }

    /** An annotation of a test method, or else of its class. */
    private static <A extends java.lang.annotation.Annotation> Optional<A> annotation(
            TestIdentifier test, Class<A> type) {
        Optional<org.junit.platform.engine.TestSource> source = test.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource method) {
            try {
                A onMethod = method.getJavaMethod().getAnnotation(type);
                return Optional.ofNullable(
                        onMethod != null ? onMethod : method.getJavaClass().getAnnotation(type));
            } catch (RuntimeException notLoadable) {
                return Optional.empty(); // a method JUnit cannot find again carries nothing to read
            }
        }
        return Optional.empty();
    }

    private static Optional<Class<?>> classOf(org.junit.platform.engine.TestSource source) {
        if (source instanceof MethodSource method) {
            return Optional.of(method.getJavaClass());
        }
        if (source instanceof ClassSource type) {
            return Optional.of(type.getJavaClass());
        }
        return Optional.empty();
    }
}

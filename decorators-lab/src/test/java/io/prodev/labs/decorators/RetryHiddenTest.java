package io.prodev.labs.decorators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@Task("3")
@Hidden
class RetryHiddenTest {

    private static final List<Class<? extends Exception>> TYPES =
            List.of(SQLTransientException.class, SQLRecoverableException.class, IllegalStateException.class);

    private static final List<Supplier<Throwable>> FAILURES = List.of(
            () -> new SQLTransientException("busy"),
            () -> new SQLTransientConnectionException("reset"),
            () -> new SQLRecoverableException("gone"),
            () -> new SQLException("syntax"),
            () -> new IllegalStateException("pool empty"),
            () -> new IllegalArgumentException("bad id"),
            () -> new AssertionError("broken"));

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    @Hint("attempts counts every call, the first included; before call k wait delay * factor^(k-2), moved by the"
            + " jitter; only listed types (or their subclasses) are retried; the last failure carries the earlier"
            + " ones as suppressed")
    @Test
    void randomPoliciesAndFailuresMatchAModel() {
        Random random = new Random(20261203);
        for (int round = 0; round < 400; round++) {
            int attempts = 1 + random.nextInt(6);
            Duration delay = Duration.ofMillis(random.nextInt(4) == 0 ? 0 : random.nextInt(1000));
            double factor = random.nextBoolean() ? 1 : 1 + random.nextInt(5) * 0.5;
            double jitter = random.nextBoolean() ? 0 : random.nextInt(11) / 10.0;
            Set<Class<? extends Exception>> types = new HashSet<>();
            for (Class<? extends Exception> type : TYPES) {
                if (random.nextInt(3) > 0) {
                    types.add(type);
                }
            }
            List<Throwable> script = new ArrayList<>();
            int failures = random.nextInt(8);
            for (int i = 0; i < failures; i++) {
                script.add(FAILURES.get(random.nextInt(FAILURES.size())).get());
            }
            String value = random.nextInt(5) == 0 ? null : "row " + round;
            int interruptAt = random.nextInt(4) == 0 ? 1 + random.nextInt(4) : 0;
            long seed = random.nextLong();
            String policyText = "attempts %d, delay %s, factor %s, jitter %s, transient %s, failures %s%s"
                    .formatted(
                            attempts,
                            delay,
                            factor,
                            jitter,
                            types.stream().map(Class::getSimpleName).sorted().toList(),
                            script.stream()
                                    .map(t -> t.getClass().getSimpleName())
                                    .toList(),
                            interruptAt > 0 ? ", sleep " + interruptAt + " interrupted" : "");

            // The model.
            Random draws = new Random(seed);
            List<Duration> expectedDelays = new ArrayList<>();
            List<Throwable> earlier = new ArrayList<>();
            Throwable expectedThrown = null;
            List<Throwable> expectedSuppressed = List.of();
            int expectedCalls = 0;
            boolean expectInterrupt = false;
            InterruptedException interruption = new InterruptedException("stop");
            for (int k = 1; ; k++) {
                expectedCalls = k;
                Throwable outcome = k <= script.size() ? script.get(k - 1) : null;
                if (outcome == null) {
                    break;
                }
                boolean retryable =
                        outcome instanceof Exception && types.stream().anyMatch(type -> type.isInstance(outcome));
                if (k == attempts || !retryable) {
                    expectedThrown = outcome;
                    expectedSuppressed = List.copyOf(earlier);
                    break;
                }
                double r = draws.nextDouble();
                expectedDelays.add(Duration.ofNanos(
                        Math.round(delay.toNanos() * Math.pow(factor, k - 1) * (1 + jitter * (2 * r - 1)))));
                if (expectedDelays.size() == interruptAt) {
                    expectedThrown = outcome;
                    List<Throwable> suppressed = new ArrayList<>(earlier);
                    suppressed.add(interruption);
                    expectedSuppressed = suppressed;
                    expectInterrupt = true;
                    break;
                }
                earlier.add(outcome);
            }

            // The retrying supplier.
            Random implementationDraws = new Random(seed);
            int stopAt = interruptAt;
            RecordingSleeper sleeper = new RecordingSleeper(sleeps -> {
                if (sleeps == stopAt) {
                    throw interruption;
                }
            });
            RetryPolicy policy =
                    new RetryPolicy(attempts, delay, factor, jitter, implementationDraws::nextDouble, types, sleeper);
            ScriptedWork<String> work = ScriptedWork.failing(script, value);
            Object[] result = new Object[1];
            Throwable thrown = catchThrowable(
                    () -> result[0] = Retry.retrying(work, policy).get());
            boolean interrupted = Thread.interrupted();

            assertThat(work.calls()).as("calls of work with %s", policyText).isEqualTo(expectedCalls);
            assertThat(thrown).as("thrown with %s", policyText).isSameAs(expectedThrown);
            if (expectedThrown == null) {
                assertThat(result[0]).as("result with %s", policyText).isEqualTo(value);
            } else {
                assertThat(thrown.getSuppressed())
                        .as("suppressed of the failure thrown with %s", policyText)
                        .containsExactlyElementsOf(expectedSuppressed);
            }
            List<Duration> delays = sleeper.delays();
            assertThat(delays).as("number of sleeps with %s", policyText).hasSameSizeAs(expectedDelays);
            for (int i = 0; i < delays.size(); i++) {
                assertThat(Math.abs(
                                delays.get(i).toNanos() - expectedDelays.get(i).toNanos()))
                        .as(
                                "sleep %d with %s: %s, expected %s",
                                i + 1, policyText, delays.get(i), expectedDelays.get(i))
                        .isLessThanOrEqualTo(1_000);
            }
            assertThat(interrupted)
                    .as("interrupt flag afterwards with %s", policyText)
                    .isEqualTo(expectInterrupt);
        }
    }

    @Hint("a call that returns, whatever it returns (null too), is the end: no more calls and no more sleeps")
    @Test
    void nothingIsRetriedAfterASuccess() throws Exception {
        RecordingSleeper sleeper = new RecordingSleeper();
        RetryPolicy policy =
                RetryPolicy.of(5, Duration.ofMillis(10), Exception.class).withSleeper(sleeper);

        ScriptedWork<String> atOnce = ScriptedWork.failing(List.of(), "ok");
        assertThat(Retry.retrying(atOnce, policy).get()).isEqualTo("ok");
        assertThat(atOnce.calls())
                .as("calls of work that succeeds at once, attempts 5")
                .isEqualTo(1);

        ScriptedWork<String> returnsNull = ScriptedWork.failing(List.of(), null);
        assertThat(Retry.retrying(returnsNull, policy).get()).isNull();
        assertThat(returnsNull.calls())
                .as("calls of work that returns null, attempts 5")
                .isEqualTo(1);

        ScriptedWork<String> second = ScriptedWork.failing(List.of(new SQLTransientException("busy")), "ok");
        assertThat(Retry.retrying(second, policy).get()).isEqualTo("ok");
        assertThat(second.calls())
                .as("calls of work that succeeds on its 2nd call, attempts 5")
                .isEqualTo(2);
        assertThat(sleeper.delays()).as("sleeps over the three").hasSize(1);

        AtomicInteger runs = new AtomicInteger();
        Query<Integer> query = (sql, parameters) -> runs.incrementAndGet();
        assertThat(Retry.retrying(query, policy).run("SELECT 1", List.of())).isEqualTo(1);
        assertThat(runs.get()).as("runs of a query that succeeds at once").isEqualTo(1);
    }
}

package io.prodev.labs.decorators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.prodev.labs.labkit.Task;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@Task("3")
class RetryTest {

    private final RecordingSleeper sleeper = new RecordingSleeper();

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    private RetryPolicy policy(int attempts) {
        return RetryPolicy.of(attempts, Duration.ofMillis(100), SQLTransientException.class)
                .withSleeper(sleeper);
    }

    private static List<Throwable> transients(int count) {
        List<Throwable> failures = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            failures.add(new SQLTransientException("database is locked (" + i + ")"));
        }
        return failures;
    }

    private static List<Duration> millis(long... values) {
        List<Duration> delays = new ArrayList<>();
        for (long value : values) {
            delays.add(Duration.ofMillis(value));
        }
        return delays;
    }

    @Test
    void returnsWhatTheWorkReturnsWhenItSucceedsAtOnce() throws Exception {
        ScriptedWork<String> work = ScriptedWork.failing(List.of(), "ok");

        String result = Retry.retrying(work, policy(3)).get();

        assertThat(result).as("retrying work that succeeds at once returns").isEqualTo("ok");
        assertThat(work.calls()).as("calls of work that succeeds at once").isEqualTo(1);
        assertThat(sleeper.delays()).as("delays slept when nothing failed").isEmpty();
    }

    @Test
    void retriesTransientFailuresUntilTheWorkSucceedsOnTheLastAttempt() throws Exception {
        ScriptedWork<String> work = ScriptedWork.failing(transients(2), "ok");

        String result = Retry.retrying(work, policy(3)).get();

        assertThat(result)
                .as("work failing twice then succeeding, attempts 3, returns")
                .isEqualTo("ok");
        assertThat(work.calls())
                .as("calls of work failing twice then succeeding, attempts 3")
                .isEqualTo(3);
        assertThat(sleeper.delays()).as("sleeps between 3 calls").hasSize(2);
    }

    @Test
    void attemptsCountsEveryCallTheFirstIncluded() {
        List<Throwable> failures = transients(5);
        ScriptedWork<String> work = ScriptedWork.failing(failures, "ok");

        Throwable thrown = catchThrowable(() -> Retry.retrying(work, policy(3)).get());

        assertThat(work.calls())
                .as("calls of work that always fails, attempts 3 (the first call counts)")
                .isEqualTo(3);
        assertThat(thrown).as("what attempts 3 throws: the 3rd failure").isSameAs(failures.get(2));
        assertThat(sleeper.delays()).as("sleeps between 3 calls").hasSize(2);
    }

    @Test
    void oneAttemptNeverRetries() {
        List<Throwable> failures = transients(2);
        ScriptedWork<String> work = ScriptedWork.failing(failures, "ok");

        Throwable thrown = catchThrowable(() -> Retry.retrying(work, policy(1)).get());

        assertThat(work.calls())
                .as("calls with attempts 1 and a transient failure")
                .isEqualTo(1);
        assertThat(thrown).as("what attempts 1 throws").isSameAs(failures.get(0));
        assertThat(sleeper.delays()).as("delays slept with attempts 1").isEmpty();
    }

    @Test
    void theLastFailureIsThrownWithTheEarlierOnesSuppressedInOrder() {
        List<Throwable> failures = transients(4);
        ScriptedWork<String> work = ScriptedWork.failing(failures, "ok");

        Throwable thrown = catchThrowable(() -> Retry.retrying(work, policy(4)).get());

        assertThat(thrown).as("after 4 failed attempts, the exception thrown").isSameAs(failures.get(3));
        assertThat(thrown.getSuppressed())
                .as("the suppressed of the 4th failure: the 1st, 2nd and 3rd, in order")
                .containsExactly(failures.get(0), failures.get(1), failures.get(2));
    }

    @Test
    void aFailureNotListedAsTransientIsThrownAtOnceUnchanged() {
        SQLException syntax = new SQLException("near \"SELEC\": syntax error");
        ScriptedWork<String> work = ScriptedWork.failing(List.of(syntax), "ok");

        Throwable thrown = catchThrowable(() -> Retry.retrying(work, policy(5)).get());

        assertThat(work.calls())
                .as("calls when the first failure is a plain SQLException (not transient)")
                .isEqualTo(1);
        assertThat(thrown).as("the non-transient failure thrown").isSameAs(syntax);
        assertThat(thrown.getSuppressed())
                .as("suppressed of a failure on the first call")
                .isEmpty();
        assertThat(sleeper.delays())
                .as("delays slept before a non-transient failure")
                .isEmpty();
    }

    @Test
    void aNonTransientFailureAfterTransientOnesCarriesThemAsSuppressed() {
        SQLException transientOne = new SQLTransientException("busy");
        SQLException fatal = new SQLException("no such table: user");
        ScriptedWork<String> work = ScriptedWork.failing(List.of(transientOne, fatal), "ok");

        Throwable thrown = catchThrowable(() -> Retry.retrying(work, policy(5)).get());

        assertThat(work.calls())
                .as("calls for a transient then a non-transient failure, attempts 5")
                .isEqualTo(2);
        assertThat(thrown)
                .as("thrown after a transient then a non-transient failure")
                .isSameAs(fatal);
        assertThat(thrown.getSuppressed())
                .as("its suppressed: the transient one")
                .containsExactly(transientOne);
    }

    @Test
    void aSubclassOfATransientTypeIsRetried() throws Exception {
        ScriptedWork<String> work =
                ScriptedWork.failing(List.of(new SQLTransientConnectionException("connection reset")), "ok");

        String result = Retry.retrying(work, policy(2)).get();

        assertThat(work.calls())
                .as("calls after an SQLTransientConnectionException (a subclass of the transient type)")
                .isEqualTo(2);
        assertThat(result).isEqualTo("ok");
    }

    @Test
    void aRuntimeExceptionIsRetriedOnlyWhenItsTypeIsListed() throws Exception {
        RetryPolicy policy =
                RetryPolicy.of(3, Duration.ZERO, IllegalStateException.class).withSleeper(sleeper);
        ScriptedWork<String> listed = ScriptedWork.failing(List.of(new IllegalStateException("pool empty")), "ok");
        assertThat(Retry.retrying(listed, policy).get()).isEqualTo("ok");
        assertThat(listed.calls())
                .as("calls after an IllegalStateException, a listed type")
                .isEqualTo(2);

        IllegalArgumentException other = new IllegalArgumentException("bad id");
        ScriptedWork<String> notListed = ScriptedWork.failing(List.of(other), "ok");
        assertThat(catchThrowable(() -> Retry.retrying(notListed, policy).get()))
                .as("an IllegalArgumentException when only IllegalStateException is transient")
                .isSameAs(other);
        assertThat(notListed.calls())
                .as("calls after an IllegalArgumentException, not listed")
                .isEqualTo(1);
    }

    @Test
    void anErrorIsNeverRetried() {
        RetryPolicy policy = RetryPolicy.of(3, Duration.ZERO, Exception.class).withSleeper(sleeper);
        StackOverflowError error = new StackOverflowError();
        ScriptedWork<String> work = ScriptedWork.failing(List.of(error), "ok");

        assertThat(catchThrowable(() -> Retry.retrying(work, policy).get()))
                .as("an Error with Exception.class transient")
                .isSameAs(error);
        assertThat(work.calls()).as("calls after an Error").isEqualTo(1);
    }

    @Test
    void aFixedDelayWaitsTheSameBeforeEveryRetry() throws Exception {
        Retry.retrying(ScriptedWork.failing(transients(3), "ok"), policy(4)).get();

        assertThat(sleeper.delays())
                .as("delays of 100 ms, factor 1, 3 failures")
                .isEqualTo(millis(100, 100, 100));
    }

    @Test
    void aBackoffFactorMultipliesEachDelayByItself() throws Exception {
        Retry.retrying(ScriptedWork.failing(transients(4), "ok"), policy(5).withBackoff(2))
                .get();
        assertThat(sleeper.delays())
                .as("delays of 100 ms with factor 2, 4 failures")
                .isEqualTo(millis(100, 200, 400, 800));
    }

    @Test
    void aFractionalBackoffFactorWorksToo() throws Exception {
        Retry.retrying(ScriptedWork.failing(transients(3), "ok"), policy(4).withBackoff(1.5))
                .get();
        assertThat(sleeper.delays())
                .as("delays of 100 ms with factor 1.5, 3 failures")
                .isEqualTo(millis(100, 150, 225));
    }

    @Test
    void eachDelayIsRoundedToTheNearestNanosecond() throws Exception {
        RetryPolicy policy = RetryPolicy.of(4, Duration.ofNanos(1), SQLTransientException.class)
                .withBackoff(1.5)
                .withSleeper(sleeper);

        Retry.retrying(ScriptedWork.failing(transients(3), "ok"), policy).get();

        assertThat(sleeper.delays())
                .as("delays of 1 ns with factor 1.5 (1, 1.5, 2.25 ns, rounded to the nearest)")
                .containsExactly(Duration.ofNanos(1), Duration.ofNanos(2), Duration.ofNanos(2));
    }

    @Test
    void jitterMovesEachDelayByUpToItsFractionWithOneDrawEach() throws Exception {
        double[] draws = {0.0, 0.75, 0.5};
        AtomicInteger drawn = new AtomicInteger();
        DoubleSupplier random = () -> draws[drawn.getAndIncrement()];

        Retry.retrying(
                        ScriptedWork.failing(transients(3), "ok"),
                        policy(4).withBackoff(2).withJitter(0.2, random))
                .get();

        assertThat(sleeper.delays())
                .as("delays of 100 ms, factor 2, jitter 0.2, draws 0.0, 0.75, 0.5")
                .isEqualTo(millis(80, 220, 400));
        assertThat(drawn.get()).as("values drawn from random for 3 delays").isEqualTo(3);
    }

    @Test
    void theSleeperIsCalledForAZeroDelayToo() throws Exception {
        RetryPolicy policy =
                RetryPolicy.of(3, Duration.ZERO, SQLTransientException.class).withSleeper(sleeper);

        Retry.retrying(ScriptedWork.failing(transients(2), "ok"), policy).get();

        assertThat(sleeper.delays()).as("delays with a zero delay, 2 failures").isEqualTo(millis(0, 0));
    }

    @Test
    void anInterruptedSleepStopsRetryingAndKeepsTheInterrupt() {
        List<Throwable> failures = transients(4);
        InterruptedException interrupted = new InterruptedException("shutting down");
        RecordingSleeper interrupting = new RecordingSleeper(sleeps -> {
            if (sleeps == 2) {
                throw interrupted;
            }
        });
        ScriptedWork<String> work = ScriptedWork.failing(failures, "ok");

        Throwable thrown = catchThrowable(
                () -> Retry.retrying(work, policy(5).withSleeper(interrupting)).get());

        boolean flag = Thread.interrupted();
        assertThat(work.calls()).as("calls when the 2nd sleep is interrupted").isEqualTo(2);
        assertThat(thrown)
                .as("thrown when the 2nd sleep is interrupted: the 2nd failure")
                .isSameAs(failures.get(1));
        assertThat(thrown.getSuppressed())
                .as("its suppressed: the 1st failure, then the InterruptedException")
                .containsExactly(failures.get(0), interrupted);
        assertThat(flag)
                .as("the thread's interrupt flag after an interrupted sleep")
                .isTrue();
    }

    @Test
    void nothingRunsUntilTheSupplierIsCalled() {
        ScriptedWork<String> work = ScriptedWork.failing(transients(2), "ok");

        Retry.retrying(work, policy(3));

        assertThat(work.calls())
                .as("calls of work before the retrying supplier is called")
                .isZero();
    }

    @Test
    void eachCallStartsAgainFromItsFirstAttempt() throws Exception {
        List<Throwable> failures = transients(3);
        ScriptedWork<String> work = ScriptedWork.failing(failures, "ok");
        SqlSupplier<String> retrying = Retry.retrying(work, policy(2));

        Throwable first = catchThrowable(retrying::get);
        String second = retrying.get();

        assertThat(first)
                .as("1st call, attempts 2, 3 failures ahead: throws the 2nd")
                .isSameAs(failures.get(1));
        assertThat(first.getSuppressed()).as("its suppressed").containsExactly(failures.get(0));
        assertThat(second)
                .as("2nd call: fails once, then has a 2nd attempt of its own")
                .isEqualTo("ok");
        assertThat(work.calls()).as("calls of work over both calls").isEqualTo(4);
    }

    @Test
    void aRetryingQueryRunsWithTheSameSqlAndParametersEachTime() throws Exception {
        List<String> seen = new ArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        Query<Integer> flaky = (sql, parameters) -> {
            seen.add(sql + " " + parameters);
            if (runs.incrementAndGet() < 3) {
                throw new SQLTransientException("database is locked");
            }
            return parameters.size();
        };

        int result = Retry.retrying(flaky, policy(3)).run("SELECT * FROM users WHERE age > ?", List.of(30));

        assertThat(result).isEqualTo(1);
        assertThat(seen)
                .as("SQL and parameters of each run of a query failing twice")
                .containsExactly(
                        "SELECT * FROM users WHERE age > ? [30]",
                        "SELECT * FROM users WHERE age > ? [30]",
                        "SELECT * FROM users WHERE age > ? [30]");
        assertThat(sleeper.delays()).as("sleeps between 3 runs").hasSize(2);
    }

    @Test
    void aNullFunctionOrPolicyIsRejectedByName() {
        assertThatThrownBy(() -> Retry.retrying((SqlSupplier<String>) null, policy(3)))
                .as("retrying(null work, policy)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("work");
        assertThatThrownBy(() -> Retry.retrying((Query<String>) null, policy(3)))
                .as("retrying(null query, policy)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query");
        assertThatThrownBy(() -> Retry.retrying(() -> "ok", null))
                .as("retrying(work, null policy)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("policy");
        assertThatThrownBy(() -> Retry.retrying((sql, parameters) -> "ok", null))
                .as("retrying(query, null policy)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("policy");
    }

    @Test
    void aPolicyWithABadValueIsRejectedByName() {
        Set<Class<? extends Exception>> types = Set.of(SQLTransientException.class);
        DoubleSupplier random = () -> 0.5;
        Sleeper none = delay -> {};
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, 1, 0, random, types, none))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attempts")
                .hasMessageContaining("0");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMillis(-1), 1, 0, random, types, none))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("delay")
                .hasMessageContaining("PT-0.001S");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, 0.5, 0, random, types, none))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backoffFactor")
                .hasMessageContaining("0.5");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, 1, 1.5, random, types, none))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jitter")
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, 1, -0.1, random, types, none))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jitter")
                .hasMessageContaining("-0.1");
    }
}

package io.prodev.labs.labkit.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FailureTextTest {

    /** Room enough for every message of these tests but the ones about cutting. */
    private static final int WIDE = 400;

    @Test
    void joinsAnAssertionsLinesWithoutItsType() {
        Throwable failure = catchThrowable(() ->
                assertThat((Object) "x").as("get(\"A\") after A was evicted").isNull());

        assertThat(FailureText.of(failure, WIDE))
                .as("AssertJ's description, expected and actual on one line")
                .isEqualTo("[get(\"A\") after A was evicted] expected: null but was: \"x\"");
    }

    @Test
    void leavesOutTheStackFramesAnAssertionQuotes() {
        Throwable failure = catchThrowable(() -> assertThat(new UnsupportedOperationException("not yet"))
                .as("parsing bad text")
                .isInstanceOf(IllegalArgumentException.class));

        String text = FailureText.of(failure, WIDE);

        assertThat(text)
                .as("AssertJ's message about the wrong exception, which quotes its stack trace")
                .startsWith("[parsing bad text] Expecting actual throwable to be an instance of:"
                        + " java.lang.IllegalArgumentException but was: java.lang.UnsupportedOperationException:"
                        + " not yet");
        assertThat(text).as("stack frames in %s", text).doesNotContain("\tat ", " at io.prodev", "remaining lines");
    }

    @Test
    void showsTheStartersMessageAlone() {
        Throwable starter = new UnsupportedOperationException("Task 3 (LRUCache): not implemented yet");

        assertThat(FailureText.of(starter, WIDE))
                .as("the message of the starter's throw")
                .isEqualTo("Task 3 (LRUCache): not implemented yet");
    }

    @Test
    void namesTheTypeOfAnyOtherException() {
        assertThat(FailureText.of(
                        new NullPointerException("Cannot invoke \"Node.next()\" because \"head\" is null"), WIDE))
                .as("an exception from the code under test")
                .isEqualTo("NullPointerException: Cannot invoke \"Node.next()\" because \"head\" is null");
    }

    @Test
    void namesTheTypeAloneWhenThereIsNoMessage() {
        assertThat(FailureText.of(new IllegalStateException(), WIDE))
                .as("an exception without message")
                .isEqualTo("IllegalStateException");
        assertThat(FailureText.of(new AssertionError(), WIDE))
                .as("an assertion without message")
                .isEqualTo("AssertionError");
    }

    @Test
    void cutsALongDescriptionFirstSoThatExpectedAndActualStay() {
        Throwable failure = catchThrowable(() -> assertThat(List.of("DISCARD: A"))
                .as("lines printed after A..D, get(\"A\"), then E: B is now the least recently used")
                .containsExactly("DISCARD: B"));

        String text = FailureText.of(failure, 78);

        assertThat(text)
                .as("AssertJ's containsExactly failure in 78 columns")
                .startsWith("[lines printed after A..D")
                .endsWith("...] expected: [DISCARD: B] but was: [DISCARD: A]")
                .hasSizeLessThanOrEqualTo(78);
    }

    @Test
    void cutsJUnitsMessageBeforeItsComparison() {
        Throwable failure = catchThrowable(
                () -> assertEquals(3, 4, "size after three puts into a cache of capacity four, counted twice over"));

        assertThat(FailureText.of(failure, 60))
                .as("assertEquals' failure in 60 columns")
                .startsWith("size after three puts")
                .endsWith("... expected: 3 but was: 4")
                .hasSizeLessThanOrEqualTo(60);
    }

    @Test
    void cutsAnyOtherLongMessageAtItsEnd() {
        String text = FailureText.of(new IllegalStateException("x".repeat(200)), 50);

        assertThat(text)
                .as("a long exception message in 50 columns")
                .hasSize(50)
                .endsWith("x...");
    }
}

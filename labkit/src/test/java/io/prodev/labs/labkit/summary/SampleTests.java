package io.prodev.labs.labkit.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Small test classes that the listener and filter tests run through a launcher of their own. */
final class SampleTests {

    private SampleTests() {}

    @Task("1")
    static class AllPass {
        @Test
        void one() {
            assertThat(1).isEqualTo(1);
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        void positive(int value) {
            assertThat(value).isPositive();
        }
    }

    @Task("2")
    static class OneFails {
        @Test
        void passes() {
            assertThat(true).isTrue();
        }

        @Test
        void fails() {
            assertThat("came").as("what was expected").isEqualTo("expected");
        }

        @Test
        @Task("1")
        void belongsToTaskOneByItsMethod() {
            assertThat(2).isEqualTo(2);
        }
    }

    static class Untagged {
        @Test
        void orphan() {
            assertThat(3).isEqualTo(3);
        }
    }

    @Task("9")
    static class UnknownTask {
        @Test
        void strayTask() {
            assertThat(4).isEqualTo(4);
        }
    }

    /** A contract that several tasks' test classes inherit; its tests take each subclass's task. */
    abstract static class InheritedContract {
        @Test
        void inherited() {
            assertThat(5).isEqualTo(5);
        }
    }

    @Task("3")
    static class InheritsTheContract extends InheritedContract {}

    /** What a test of an unimplemented starter method meets. */
    @Task("3")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class NotImplemented {
        @Test
        @Order(1)
        void callsTheStarter() {
            throw new UnsupportedOperationException("Task 3 (Third task): not implemented yet");
        }

        @Test
        @Order(2)
        void callsItAgain() {
            throw new UnsupportedOperationException("second failure, not shown");
        }
    }

    /** A failing @BeforeAll: JUnit reports the class as failed and none of its tests. */
    @Task("2")
    static class SetUpFails {
        @BeforeAll
        static void startsNothing() {
            throw new IllegalStateException("the fixture did not start");
        }

        @Test
        void neverRuns() {
            assertThat(6).isEqualTo(6);
        }
    }

    @Task("1")
    static class Skipped {
        @Test
        @Disabled("waits for task 0")
        void disabled() {
            assertThat(7).isEqualTo(7);
        }
    }

    static class UntaggedFails {
        @Test
        void orphanFails() {
            assertThat(8).as("an untagged check").isEqualTo(9);
        }
    }

    /** A failure whose message is far wider than a summary line. */
    @Task("1")
    static class LongMessage {
        @Test
        void failsWordily() {
            assertThat("came")
                    .as("a check that explains itself at great length, " + "word ".repeat(40))
                    .isEqualTo("x");
        }
    }
}

package io.prodev.labs.labkit.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Task;
import org.junit.jupiter.api.Test;
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
}

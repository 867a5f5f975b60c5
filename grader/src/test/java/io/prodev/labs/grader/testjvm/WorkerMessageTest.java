package io.prodev.labs.grader.testjvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.grader.testjvm.WorkerMessage.Kind;
import org.junit.jupiter.api.Test;

/** The warm-worker protocol: every message survives its own line, and anything else is refused by name. */
class WorkerMessageTest {

    @Test
    void everyKindReadsBackAsWritten() {
        for (WorkerMessage message : new WorkerMessage[] {
            WorkerMessage.of(Kind.RUN, "/tmp/visible.jsonl", "/tmp/hidden.jsonl", "/tmp/classes"),
            WorkerMessage.of(Kind.READY, "embedded redis-server on 127.0.0.1:4000"),
            WorkerMessage.of(Kind.UNSANDBOXED),
            WorkerMessage.of(Kind.CLEAN),
            WorkerMessage.of(Kind.RETIRE, "thread 'x' was still running"),
            WorkerMessage.of(Kind.ABANDON, "a test timed out")
        }) {
            assertThat(WorkerMessage.parse(message.line()))
                    .as("%s read back from its line", message)
                    .isEqualTo(message);
        }
    }

    @Test
    void aReasonWithTabsAndLineBreaksStaysOneField() {
        WorkerMessage message = WorkerMessage.of(Kind.ABANDON, "the run crashed:\tjava.lang.Error\nat x");

        assertThat(message.line())
                .as("the line")
                .doesNotContain("\n")
                .isEqualTo("abandon\tthe run crashed: java.lang.Error at x");
        assertThat(WorkerMessage.parse(message.line()).why()).isEqualTo("the run crashed: java.lang.Error at x");
    }

    @Test
    void anUnknownKindOrAWrongFieldCountIsRefusedQuotingTheLine() {
        assertThatThrownBy(() -> WorkerMessage.parse("hello")).hasMessage("not a worker message: 'hello'");
        assertThatThrownBy(() -> WorkerMessage.parse("run\tonly-one-field"))
                .hasMessageContaining("not a worker message: 'run\tonly-one-field'")
                .hasMessageContaining("RUN carries 3 field(s), got 1");
    }
}

package io.prodev.labs.grader.check;

import java.util.List;

/**
 * The example of one task in a lab's README: the first {@code ```java} block after a line starting with
 * {@code **Example} in the task's section, and the fenced block after it, which shows what the code prints.
 *
 * @param taskId     the task of the section the example is in
 * @param codeLine   the README line of the code block's opening fence
 * @param code       the code block's lines
 * @param outputLine the README line of the output block's opening fence; 0 when there is none
 * @param output     the output block's lines, or null when the section has no fenced block after the code
 */
record ReadmeExample(String taskId, int codeLine, List<NumberedLine> code, int outputLine, List<NumberedLine> output) {

    ReadmeExample {
        code = List.copyOf(code);
        output = output == null ? null : List.copyOf(output);
    }
}

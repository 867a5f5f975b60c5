package io.prodev.labs.grader.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Task ids in JSON: Exercism's task_id is an integer, so numeric ids are written as numbers. */
final class TaskIdJson {

    private TaskIdJson() {}

    /** 3 for "3"; "bonus" for "bonus"; "007" stays a string so that it reads back the same. */
    static JsonNode json(String taskId) {
        if (taskId != null && taskId.matches("0|[1-9]\\d{0,8}")) {
            return JsonNodeFactory.instance.numberNode(Integer.parseInt(taskId));
        }
        return JsonNodeFactory.instance.textNode(taskId);
    }
}

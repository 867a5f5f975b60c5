package io.prodev.labs.grader.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the examples in a lab's README: in each {@code ## Task <id> — title} section, the first {@code ```java}
 * block after a line starting with {@code **Example}, and the next fenced block after it (its output).
 * Headings and {@code **Example} lines inside fenced blocks do not count.
 */
final class ReadmeExampleParser {

    private static final Pattern TASK_HEADING = Pattern.compile("^##\\s+Task\\s+(\\S+)\\s+[—–-]\\s+.+$");
    /** A level-1 or level-2 heading ends a task's section; its own ### sub-headings do not. */
    private static final Pattern SECTION_END = Pattern.compile("^#{1,2}\\s.*$");

    /** A README line outside fenced blocks, or a whole fenced block. */
    private sealed interface Item permits Prose, Block {}

    private record Prose(String text) implements Item {}

    /** A fenced block: the line number of its opening fence, the fence's info string ("java") and its lines. */
    private record Block(int line, String info, List<NumberedLine> content) implements Item {}

    private ReadmeExampleParser() {}

    /** @return the examples by task id, in README order; a task whose section shows none is absent */
    static Map<String, ReadmeExample> parse(String readme) {
        Map<String, ReadmeExample> examples = new LinkedHashMap<>();
        String taskId = null;
        boolean afterExampleLine = false;
        Block code = null;
        for (Item item : proseLinesAndBlocks(readme.lines().toList())) {
            if (item instanceof Block block) {
                if (code != null) {
                    examples.put(
                            taskId,
                            new ReadmeExample(taskId, code.line(), code.content(), block.line(), block.content()));
                    code = null;
                    afterExampleLine = false;
                } else if (afterExampleLine
                        && taskId != null
                        && !examples.containsKey(taskId)
                        && block.info().equals("java")) {
                    code = block;
                }
                continue;
            }
            String line = ((Prose) item).text();
            Matcher heading = TASK_HEADING.matcher(line);
            if (heading.matches() || SECTION_END.matcher(line).matches()) {
                if (code != null) { // the section ended before an output block: an example without one
                    examples.put(taskId, new ReadmeExample(taskId, code.line(), code.content(), 0, null));
                    code = null;
                }
                taskId = heading.matches() ? heading.group(1) : null;
                afterExampleLine = false;
            } else if (line.strip().startsWith("**Example")) {
                afterExampleLine = true;
            }
        }
        if (code != null) {
            examples.put(taskId, new ReadmeExample(taskId, code.line(), code.content(), 0, null));
        }
        return examples;
    }

    /** The README as its prose lines and its fenced blocks, in order. */
    private static List<Item> proseLinesAndBlocks(List<String> lines) {
        List<Item> items = new ArrayList<>();
        Block open = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.strip();
            boolean fence = stripped.startsWith("```") || stripped.startsWith("~~~");
            if (open == null && fence) {
                open = new Block(i + 1, stripped.substring(3).strip(), new ArrayList<>());
            } else if (open != null && fence) {
                items.add(open);
                open = null;
            } else if (open != null) {
                open.content().add(new NumberedLine(i + 1, line));
            } else {
                items.add(new Prose(line));
            }
        }
        if (open != null) {
            items.add(open); // a block never closed runs to the end of the file, as Markdown renders it
        }
        return items;
    }
}

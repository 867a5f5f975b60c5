package io.prodev.labs.grader.report;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * One of N slices of a batch ("--shard K/N"), so that N machines grade a class between them and
 * {@link Merge} joins their reports. Every machine computes the same slices from the same ids.
 *
 * @param index which slice, from 1
 * @param count how many slices
 */
public record Shard(int index, int count) {

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException(problem(index + "/" + count));
        }
    }

    /** "2/5" is the second of five slices. */
    public static Shard parse(String text) {
        Matcher matcher = text == null ? null : FORM.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException(problem(text));
        }
        int index = Integer.parseInt(matcher.group(1));
        int count = Integer.parseInt(matcher.group(2));
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException(problem(text));
        }
        return new Shard(index, count);
    }

    /** This shard's items: sorted by id, then every count-th one starting at index - 1. */
    public <T> List<T> select(List<T> items, Function<T, String> idOf) {
        List<T> sorted = items.stream().sorted(Comparator.comparing(idOf)).toList();
        return IntStream.range(0, sorted.size())
                .filter(i -> i % count == index - 1)
                .mapToObj(sorted::get)
                .toList();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    private static String problem(String text) {
        return "shard must look like K/N with 1 <= K <= N, got: " + text;
    }
}

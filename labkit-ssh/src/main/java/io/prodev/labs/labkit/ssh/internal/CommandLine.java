package io.prodev.labs.labkit.ssh.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way {@code sh} quotes them, and nothing more: the fixture runs no shell, so
 * a lab's client code can still quote arguments as it would for a real server.
 *
 * <p>Supported: words separated by spaces, tabs and newlines; {@code '...'} keeps everything literally; {@code
 * "..."} keeps everything but a backslash before {@code " \ $ `} or a newline; a backslash outside quotes keeps
 * the next character literally; {@code ''} is an empty word. Not supported, and therefore plain characters:
 * variables ({@code $HOME}), globs, pipes, redirections, {@code ;} and {@code &&}.
 */
public final class CommandLine {

    private CommandLine() {}

    /**
     * The words of {@code line}.
     *
     * @throws IllegalArgumentException when a quote is not closed, naming the line
     */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false; // true once a word has started, even an empty one such as ''
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated single quote in: " + line);
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                if (line.charAt(i + 1) != '\n') { // backslash-newline joins lines
                    word.append(line.charAt(i + 1));
                    inWord = true;
                }
                i += 2;
            } else {
                word.append(c); // a lone trailing backslash stays, as in sh
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends the inside of a double-quoted part starting at {@code start}; returns the index after its end. */
    private static int doubleQuoted(String line, int start, StringBuilder word) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && "\"\\$`\n".indexOf(line.charAt(i + 1)) >= 0) {
                if (line.charAt(i + 1) != '\n') {
                    word.append(line.charAt(i + 1));
                }
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated double quote in: " + line);
    }
}

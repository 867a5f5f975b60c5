package io.prodev.labs.grader.check;

/**
 * A line of a file with its 1-based line number, so that a problem can point at it.
 *
 * @param number the line's number in its file
 * @param text   the line, without its line ending
 */
record NumberedLine(int number, String text) {}

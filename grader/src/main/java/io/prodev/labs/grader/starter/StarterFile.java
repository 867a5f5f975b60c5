package io.prodev.labs.grader.starter;

/**
 * One file of the learner edition, ready to write.
 *
 * @param path       its path inside the learner edition, with {@code /} separators
 * @param content    its bytes
 * @param executable true for scripts the learner runs ({@code mvnw})
 */
record StarterFile(String path, byte[] content, boolean executable) {}

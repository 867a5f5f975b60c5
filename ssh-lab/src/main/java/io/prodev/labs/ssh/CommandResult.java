package io.prodev.labs.ssh;

/**
 * What a remote command printed and how it ended.
 *
 * @param stdout everything it wrote to standard output, decoded as UTF-8
 * @param stderr everything it wrote to standard error, decoded as UTF-8
 * @param exitStatus its exit status, 0 for success
 */
public record CommandResult(String stdout, String stderr, int exitStatus) {}

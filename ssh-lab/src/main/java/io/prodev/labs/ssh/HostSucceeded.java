package io.prodev.labs.ssh;

/**
 * A host that ran the command to its end: its output and exit status, which may be any (a command that exits with 1
 * still succeeded in running).
 *
 * @param target the host, as it was given
 * @param result what the command printed and its exit status
 */
public record HostSucceeded(SshTarget target, CommandResult result) implements HostResult {}

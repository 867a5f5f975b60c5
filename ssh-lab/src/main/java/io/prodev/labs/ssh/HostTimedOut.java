package io.prodev.labs.ssh;

import java.time.Duration;

/**
 * A host that had not finished when its per-host timeout ran out: it was given up on, and its session closed.
 *
 * @param target the host, as it was given
 * @param timeout the per-host timeout it ran out of
 */
public record HostTimedOut(SshTarget target, Duration timeout) implements HostResult {}

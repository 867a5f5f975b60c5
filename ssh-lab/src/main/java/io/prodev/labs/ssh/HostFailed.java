package io.prodev.labs.ssh;

/**
 * A host where connecting, logging in or running the command failed, within the per-host timeout.
 *
 * @param target the host, as it was given
 * @param message the {@link SshFailure}'s message, which names what failed and where
 */
public record HostFailed(SshTarget target, String message) implements HostResult {}

package io.prodev.labs.ssh;

/**
 * What became of one host of a {@link FanOut}: it ran the command ({@link HostSucceeded}, whatever its exit status),
 * it failed ({@link HostFailed}: the connection, the login or the command failed), or it did not finish within the
 * per-host timeout ({@link HostTimedOut}).
 */
public sealed interface HostResult permits HostSucceeded, HostFailed, HostTimedOut {

    /** The host this result is for, as it was given. */
    SshTarget target();
}

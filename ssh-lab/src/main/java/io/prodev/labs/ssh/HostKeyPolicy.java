package io.prodev.labs.ssh;

/** What to do with a server whose key the known hosts do not hold, as OpenSSH's StrictHostKeyChecking says. */
public enum HostKeyPolicy {
    /** {@code StrictHostKeyChecking yes}: refuse it. */
    STRICT,
    /** {@code StrictHostKeyChecking accept-new}: trust it on first use and record its key; a changed key is refused. */
    ACCEPT_NEW
}

package io.prodev.labs.ssh;

/** What a known_hosts file says about the key a server showed. */
public enum HostKeyVerdict {
    /** A line for this host holds exactly this key: it is the server we talked to before. */
    KNOWN,
    /** No line for this host holds a key of this type: a server we never saw (or a new key type of one). */
    UNKNOWN,
    /**
     * Lines for this host hold keys of this type, none of them this one: the server's key changed, or someone is
     * in the middle.
     */
    CHANGED
}

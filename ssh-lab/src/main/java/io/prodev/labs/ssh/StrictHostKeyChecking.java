package io.prodev.labs.ssh;

/**
 * What the client does with a host key it has not seen before (OpenSSH's {@code StrictHostKeyChecking}).
 * {@link #sshG()} is the word {@code ssh -G} prints for it.
 */
public enum StrictHostKeyChecking {
    /** {@code yes} (or {@code true}): refuse hosts whose key is not in a known hosts file. */
    YES("true"),
    /** {@code no}, {@code false} or {@code off}: accept and remember any key. */
    NO("false"),
    /** {@code ask}, the default: ask the user before accepting a new key. */
    ASK("ask"),
    /** {@code accept-new}: remember new keys without asking, refuse changed ones. */
    ACCEPT_NEW("accept-new");

    private final String sshG;

    StrictHostKeyChecking(String sshG) {
        this.sshG = sshG;
    }

    /** As {@code ssh -G} prints it: "true", "false", "ask" or "accept-new". */
    public String sshG() {
        return sshG;
    }
}

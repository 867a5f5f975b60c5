package io.prodev.labs.ssh;

/** The key types the lab generates, with their sizes and their names in OpenSSH's files. */
public enum KeyType {
    /** Edwards-curve keys: small, fast, and OpenSSH's default since 9.5. Always 256 bits. */
    ED25519("ssh-ed25519", "ED25519", 256),
    /** RSA keys: the oldest type every server accepts. 4096 bits unless asked otherwise. */
    RSA("ssh-rsa", "RSA", 4096);

    private final String sshName;
    private final String label;
    private final int defaultBits;

    KeyType(String sshName, String label, int defaultBits) {
        this.sshName = sshName;
        this.label = label;
        this.defaultBits = defaultBits;
    }

    /** The name at the start of a public key line and inside its blob: "ssh-ed25519", "ssh-rsa". */
    public String sshName() {
        return sshName;
    }

    /** As ssh-keygen -l writes it at the end of a fingerprint line: "ED25519", "RSA". */
    public String label() {
        return label;
    }

    public int defaultBits() {
        return defaultBits;
    }
}

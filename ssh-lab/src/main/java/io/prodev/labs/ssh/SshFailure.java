package io.prodev.labs.ssh;

/**
 * An SSH operation that failed, with a message that names what failed and where (the key file, the address, the
 * command), never only a library's own words. The library's exception, when there is one, is the cause.
 */
public class SshFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SshFailure(String message) {
        super(message);
    }

    public SshFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.prodev.labs.http;

import java.io.IOException;

/**
 * A request the server cannot accept, and the status that says why: 400 for a malformed request, 408 for one that
 * stopped half-way, 413 for a body over the limit, 431 for header fields over the limit, 501 for a transfer coding
 * the server does not know, 505 for an HTTP version it does not speak. The server answers with that status and
 * closes the connection, since it can no longer tell where the next request would start.
 */
public final class HttpProtocolException extends IOException {

    private final int status;

    public HttpProtocolException(int status, String message) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a protocol error needs a 4xx or 5xx status, got " + status);
        }
        this.status = status;
    }

    /** The status to answer with. */
    public int status() {
        return status;
    }
}

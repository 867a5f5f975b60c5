package io.prodev.labs.redis;

import java.io.IOException;

/** A page that could not be fetched: the server answered with a status other than 2xx, or did not answer. */
public class PageUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String url;
    private final int status;

    /** The server at {@code url} answered {@code status}, not 2xx. */
    public PageUnavailableException(String url, int status) {
        super("GET " + url + " answered " + status);
        this.url = url;
        this.status = status;
    }

    /** No answer from {@code url}: the connection failed, was refused, or broke off. */
    public PageUnavailableException(String url, IOException cause) {
        super("GET " + url + " failed: " + cause, cause);
        this.url = url;
        this.status = 0;
    }

    public String url() {
        return url;
    }

    /** The HTTP status the server answered, or 0 when it did not answer. */
    public int status() {
        return status;
    }
}

package io.prodev.labs.http;

import java.net.URI;

/**
 * What a {@link LoadBalancer} knows of one backend at a moment.
 *
 * @param uri the backend's URL, as given: {@code http://127.0.0.1:8081}
 * @param healthy whether requests go to it (its last health check passed and no connection to it was refused since)
 * @param inFlight how many requests it is answering now (from choosing it until its response was passed on)
 */
public record BackendStatus(URI uri, boolean healthy, int inFlight) {}

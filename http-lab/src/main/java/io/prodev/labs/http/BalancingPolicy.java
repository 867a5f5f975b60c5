package io.prodev.labs.http;

/** How a {@link LoadBalancer} chooses the backend of each request among the healthy ones. */
public enum BalancingPolicy {
    /** The next healthy backend after the one chosen last, in the order given, wrapping around. */
    ROUND_ROBIN,
    /** The healthy backend with the fewest requests in flight; ties go to the one round-robin would choose. */
    LEAST_CONNECTIONS
}

package io.prodev.labs.http;

import java.util.Objects;
import java.util.Set;

/**
 * Lets a request through only when its user's role, as {@link Authentication} found it, is one of the allowed roles.
 * Anonymous has no role, so it is always refused.
 */
public final class RolePermission implements Middleware {

    // BEGIN SOLUTION: remove
    private final Set<String> allowedRoles;
    // END SOLUTION

    /**
     * @throws IllegalArgumentException when {@code allowedRoles} is empty (nothing could pass), or naming the role,
     *     when one is blank
     */
    public RolePermission(Set<String> allowedRoles) {
        Objects.requireNonNull(allowedRoles, "allowedRoles");
        // BEGIN SOLUTION
        if (allowedRoles.isEmpty()) {
            throw new IllegalArgumentException("allowedRoles is empty: no request could ever pass");
        }
        for (String role : allowedRoles) {
            if (role == null || role.isBlank()) {
                throw new IllegalArgumentException("a role must not be blank, got \"" + role + "\"");
            }
        }
        this.allowedRoles = Set.copyOf(allowedRoles);
        // END SOLUTION
    }

    /**
     * Passes the request on when {@link Authentication#role} is present and among the allowed roles (compared
     * exactly, case included); otherwise answers {@code 403} itself ({@code text/plain}) without calling the next
     * handler.
     */
    @Override
    public Handler wrap(Handler next) {
        Objects.requireNonNull(next, "next");
        // BEGIN SOLUTION
        return request -> {
            if (Authentication.role(request).filter(allowedRoles::contains).isEmpty()) {
                return HttpResponse.text(403, "403 Forbidden: " + Authentication.user(request) + " may not use this\n");
            }
            return next.handle(request);
        };
        // END SOLUTION
    }
}

package io.prodev.labs.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds out who sends a request, from its {@code Authorization: Basic} header, and tells the middleware and the
 * handler after it in two request headers that only it may set: {@link #USER_HEADER} and {@link #ROLE_HEADER}. It
 * identifies and never refuses: refusing is {@link RolePermission}'s job.
 */
public final class Authentication implements Middleware {

    /** The header that carries the authenticated user's name to the middleware and handler after this one. */
    public static final String USER_HEADER = "X-Authenticated-User";

    /** The header that carries the authenticated user's role; absent for {@link #ANONYMOUS}. */
    public static final String ROLE_HEADER = "X-Authenticated-Role";

    /** The user of a request that did not prove who sent it. Anonymous has no role. */
    public static final String ANONYMOUS = "Anonymous";

    // BEGIN SOLUTION: remove
    private final Accounts accounts;
    // END SOLUTION

    public Authentication(Accounts accounts) {
        Objects.requireNonNull(accounts, "accounts");
        // BEGIN SOLUTION
        this.accounts = accounts;
        // END SOLUTION
    }

    /**
     * Passes each request on with its identity:
     *
     * <ul>
     *   <li>first it removes every {@link #USER_HEADER} and {@link #ROLE_HEADER} the client sent, so no client can
     *       claim to be someone;
     *   <li>then, when the request carries {@code Authorization: Basic <base64 of user:password>} (the scheme's name
     *       in any case; the password is what follows the first colon and may hold colons) and {@link Accounts}
     *       knows that user with that password, it adds {@code USER_HEADER: user} and {@code ROLE_HEADER: role};
     *   <li>otherwise (no such header, another scheme, base64 or UTF-8 that does not decode, no colon, an unknown user
     *       or a wrong password) it adds {@code USER_HEADER: Anonymous} and no role.
     * </ul>
     *
     * The request's other headers, including {@code Authorization}, are passed on as they came, in order.
     */
    @Override
    public Handler wrap(Handler next) {
        Objects.requireNonNull(next, "next");
        // BEGIN SOLUTION
        return request -> {
            Headers headers = new Headers(request.headers());
            headers.remove(USER_HEADER);
            headers.remove(ROLE_HEADER);
            Optional<String[]> credentials = request.header("Authorization").flatMap(Authentication::basic);
            Optional<String> role = credentials.flatMap(c -> accounts.roleOf(c[0], c[1]));
            if (role.isPresent()) {
                headers.add(USER_HEADER, credentials.get()[0]).add(ROLE_HEADER, role.get());
            } else {
                headers.add(USER_HEADER, ANONYMOUS);
            }
            return next.handle(request.withHeaders(headers));
        };
        // END SOLUTION
    }

    /** The user {@link Authentication} found for {@code request}: {@link #ANONYMOUS} when none was. */
    public static String user(HttpRequest request) {
        return request.header(USER_HEADER).orElse(ANONYMOUS);
    }

    /** The role {@link Authentication} found for {@code request}: empty for {@link #ANONYMOUS}. */
    public static Optional<String> role(HttpRequest request) {
        return request.header(ROLE_HEADER);
    }

    // BEGIN SOLUTION: remove
    /** {@code Basic dXNlcjpwYXNz} as {user, password}, or empty when it is not well-formed Basic credentials. */
    private static Optional<String[]> basic(String authorization) {
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Basic")) {
            return Optional.empty();
        }
        String decoded;
        try {
            byte[] bytes = Base64.getDecoder().decode(value.substring(space + 1).strip());
            decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    }
    // END SOLUTION
}

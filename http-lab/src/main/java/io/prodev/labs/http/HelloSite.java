package io.prodev.labs.http;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The curriculum's first web server, as its nginx configuration answers: a greeting at {@code /}, a permanent
 * redirect at {@code /redirect_me}, a custom 404 page, static files under {@code /static/}, and on every response
 * the name of the server that answered, so that behind a load balancer you can see which one did.
 */
public final class HelloSite implements Handler {

    /** Where {@code /redirect_me} sends the client, as in the curriculum's nginx configuration. */
    public static final String REDIRECT_TARGET = "https://www.youtube.com/watch?v=QH2-TGUlwu4";

    // BEGIN SOLUTION: remove
    private final String serverName;
    private final Optional<StaticFiles> staticFiles;
    // END SOLUTION

    /**
     * @param serverName the value of every response's {@code X-Served-By} header
     * @param staticFiles what serves paths under {@code /static/}, or empty for none (then they get the 404 page)
     */
    public HelloSite(String serverName, Optional<StaticFiles> staticFiles) {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(staticFiles, "staticFiles");
        // BEGIN SOLUTION
        if (serverName.isBlank() || serverName.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("a server name must be printable and not blank, got \""
                    + serverName.replace("\r", "\\r").replace("\n", "\\n") + "\"");
        }
        this.serverName = serverName;
        this.staticFiles = staticFiles;
        // END SOLUTION
    }

    /**
     * <ul>
     *   <li>{@code GET /}: 200, {@code text/plain; charset=utf-8}, the body {@code Hello World!} (12 bytes, no line
     *       end).
     *   <li>{@code /redirect_me}: 301 with {@code Location:} {@link #REDIRECT_TARGET}.
     *   <li>a path under {@code /static/}: what the static files answer, when there are any.
     *   <li>any other path: 404, {@code text/html; charset=utf-8}, a page that says {@code Ceci n'est pas une page}.
     *   <li>{@code /} and {@code /redirect_me} answer GET and HEAD only: another method gets 405 with {@code Allow:
     *       GET, HEAD}.
     *   <li>every response, whatever its status, carries {@code X-Served-By: <server name>}.
     * </ul>
     */
    @Override
    public HttpResponse handle(HttpRequest request) throws IOException {
        // BEGIN SOLUTION
        return answer(request).header("X-Served-By", serverName);
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private HttpResponse answer(HttpRequest request) throws IOException {
        String path = request.path();
        if (path.startsWith("/static/") && staticFiles.isPresent()) {
            return staticFiles.get().handle(request);
        }
        if (!path.equals("/") && !path.equals("/redirect_me")) {
            return HttpResponse.html(404, NOT_FOUND_PAGE);
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return HttpResponse.text(405, "405 Method Not Allowed\n").header("Allow", "GET, HEAD");
        }
        if (path.equals("/")) {
            return HttpResponse.text(200, "Hello World!");
        }
        return HttpResponse.html(301, "<html><body><h1>301 Moved Permanently</h1></body></html>\n")
                .header("Location", REDIRECT_TARGET);
    }

    private static final String NOT_FOUND_PAGE = """
            <!DOCTYPE html>
            <html>
            <head><title>404 Not Found</title></head>
            <body><h1>Ceci n'est pas une page</h1></body>
            </html>
            """;
    // END SOLUTION
}

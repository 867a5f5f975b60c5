package io.prodev.labs.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Serves the files of one folder under a URL prefix, as nginx's {@code location /static/ { root ...; }} does:
 * {@code GET /static/css/site.css} answers the file {@code css/site.css} of the folder, and nothing outside the folder
 * can ever be reached.
 */
public final class StaticFiles implements Handler {

    // BEGIN SOLUTION: remove
    private final String prefix;
    private final Path root;
    // END SOLUTION

    /**
     * @param prefix the URL path the files sit under, starting and ending with {@code /}: {@code /static/}
     * @param root the folder served; it must exist
     * @throws IllegalArgumentException naming the prefix or the folder, when the prefix does not start and end with
     *     {@code /} or the folder is not an existing folder
     */
    public StaticFiles(String prefix, Path root) throws IOException {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(root, "root");
        // BEGIN SOLUTION
        if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
            throw new IllegalArgumentException("a prefix must start and end with /, got \"" + prefix + "\"");
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("not a folder: " + root.toAbsolutePath());
        }
        this.prefix = prefix;
        this.root = root.toRealPath();
        // END SOLUTION
    }

    /**
     * <ul>
     *   <li>GET and HEAD only; another method gets 405 with {@code Allow: GET, HEAD}.
     *   <li>The path after the prefix is percent-decoded (UTF-8) and names a file of the folder; a folder's
     *       {@code index.html} answers for the folder, and a path ending in {@code /} names a folder. A path outside the prefix, a missing file, and a folder
     *       without {@code index.html} get 404 (no listing).
     *   <li>No way out of the folder: a {@code ..} segment, a backslash or a NUL, sent as is or percent-encoded
     *       (once or twice: {@code %2e%2e}, {@code %252e%252e}), gets 400, as do a malformed percent-escape and
     *       escapes that are not UTF-8; a
     *       symbolic link leading out of the folder gets 404.
     *   <li>200 with the file's bytes, streamed (never read whole into memory), a {@code Content-Type} from the
     *       extension ({@code .html}, {@code .css}, {@code .js}, {@code .json}, {@code .txt}, {@code .svg} with
     *       {@code charset=utf-8}; {@code .png}, {@code .jpg}, {@code .jpeg}, {@code .gif}, {@code .ico},
     *       {@code .webp}, {@code .pdf}, {@code .wasm}; anything else {@code application/octet-stream}) and a
     *       {@code Last-Modified} of the file's modification time.
     *   <li>{@code If-Modified-Since} at or after that time (to the second): 304 with no body; a date that does not
     *       parse is ignored.
     * </ul>
     */
    @Override
    public HttpResponse handle(HttpRequest request) throws IOException {
        // BEGIN SOLUTION
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return HttpResponse.text(405, "405 Method Not Allowed\n").header("Allow", "GET, HEAD");
        }
        String path = request.path();
        if (!path.startsWith(prefix)) {
            return notFound();
        }
        String relative = path.substring(prefix.length());
        String decoded;
        try {
            decoded = percentDecode(relative);
        } catch (IllegalArgumentException e) {
            return HttpResponse.text(400, "400 Bad Request: " + e.getMessage() + "\n");
        }
        if (leavesFolder(decoded) || leavesFolder(tryDecode(decoded))) {
            return HttpResponse.text(400, "400 Bad Request: the path leaves the folder\n");
        }
        Path file = root.resolve(decoded).normalize();
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        } else if (decoded.endsWith("/")) {
            return notFound(); // a trailing slash names a folder, and this is not one
        }
        BasicFileAttributes attributes;
        Path real;
        try {
            real = file.toRealPath();
            attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (FileSystemException e) { // missing, or a file used as a folder
            return notFound();
        }
        if (!real.startsWith(root) || !attributes.isRegularFile()) {
            return notFound();
        }
        Instant modified = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
        String lastModified = ResponseWriter.HTTP_DATE.format(modified);
        Instant since =
                request.header("If-Modified-Since").map(StaticFiles::parseDate).orElse(null);
        if (since != null && !modified.isAfter(since)) {
            return HttpResponse.empty(304).header("Last-Modified", lastModified);
        }
        return new HttpResponse(200, new Headers(), ResponseBody.of(Files.newInputStream(real), attributes.size()))
                .header("Content-Type", contentType(real))
                .header("Last-Modified", lastModified);
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private static HttpResponse notFound() {
        return HttpResponse.text(404, "404 Not Found\n");
    }

    /** Whether a decoded path could climb out: a .. segment, a backslash (a separator on Windows) or a NUL. */
    private static boolean leavesFolder(String decoded) {
        if (decoded.indexOf('\\') >= 0 || decoded.indexOf('\0') >= 0 || decoded.startsWith("/")) {
            return true;
        }
        for (String segment : decoded.split("/", -1)) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** A second decoding, to catch what a doubly encoded path would become in a careless layer behind us. */
    private static String tryDecode(String once) {
        try {
            return percentDecode(once);
        } catch (IllegalArgumentException e) {
            return once;
        }
    }

    /**
     * Decodes %XX escapes as UTF-8 bytes, refusing what is not UTF-8 (such as overlong forms of . and /). Unlike
     * URLDecoder, '+' stays '+' (it means a space only in queries).
     */
    private static String percentDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= text.length()
                    || Character.digit(text.charAt(i + 1), 16) < 0
                    || Character.digit(text.charAt(i + 2), 16) < 0) {
                throw new IllegalArgumentException("malformed percent-escape in \"" + text + "\"");
            }
            bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8 once decoded: \"" + text + "\"");
        }
    }

    private static Instant parseDate(String value) {
        try {
            return ZonedDateTime.parse(value.strip(), ResponseWriter.HTTP_DATE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml; charset=utf-8"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("webp", "image/webp"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("wasm", "application/wasm"));
    // END SOLUTION
}

package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Task;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Task("0")
class ResponseWriterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T18:40:05Z"), ZoneOffset.UTC);
    private static final String DATE = "Date: Thu, 03 Dec 2026 18:40:05 GMT\r\n";

    private final ResponseWriter writer = new ResponseWriter(CLOCK);
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();

    private String wire() {
        return wire.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void writesStatusLineHeadersDateLengthAndBody() throws IOException {
        boolean open = writer.write(
                wire, HttpResponse.text(200, "Hello World!").header("X-Served-By", "web-01"), "GET", "HTTP/1.1", true);

        assertThat(wire())
                .as("the bytes written for text(200, \"Hello World!\") with X-Served-By, to a keep-alive GET")
                .isEqualTo("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nX-Served-By: web-01\r\n"
                        + DATE + "Content-Length: 12\r\n\r\nHello World!");
        assertThat(open)
                .as("write() for a keep-alive request and a response of known length")
                .isTrue();
    }

    @Test
    void anEmptyBodyHasALengthOfZero() throws IOException {
        boolean open = writer.write(wire, HttpResponse.empty(200), "GET", "HTTP/1.1", true);

        assertThat(wire())
                .as("the bytes written for empty(200) to a keep-alive GET")
                .isEqualTo("HTTP/1.1 200 OK\r\n" + DATE + "Content-Length: 0\r\n\r\n");
        assertThat(open).as("write() for an empty body to a keep-alive request").isTrue();
    }

    @Test
    void aDateTheHandlerSetIsKept() throws IOException {
        writer.write(wire, HttpResponse.empty(204).header("Date", "yesterday"), "GET", "HTTP/1.1", true);

        assertThat(wire())
                .as("a 204 whose handler set Date: yesterday")
                .isEqualTo("HTTP/1.1 204 No Content\r\nDate: yesterday\r\n\r\n");
    }

    @Test
    void framingHeadersOfTheHandlerAreReplaced() throws IOException {
        HttpResponse response = HttpResponse.text(200, "abc")
                .header("Content-Length", "999")
                .header("Transfer-Encoding", "gzip")
                .header("Connection", "upgrade");

        writer.write(wire, response, "GET", "HTTP/1.1", true);

        assertThat(wire())
                .as("a 3-byte body whose handler set Content-Length: 999, Transfer-Encoding and Connection")
                .isEqualTo("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n" + DATE
                        + "Content-Length: 3\r\n\r\nabc");
    }

    @Test
    void aBodyOfUnknownLengthIsChunkedForHttp11() throws IOException {
        HttpResponse response = new HttpResponse(200, new Headers(), ResponseBody.of(stream("streamed"), -1));

        boolean open = writer.write(wire, response, "GET", "HTTP/1.1", true);

        assertThat(wire())
                .as("a body of unknown length to an HTTP/1.1 GET")
                .isEqualTo(
                        "HTTP/1.1 200 OK\r\n" + DATE + "Transfer-Encoding: chunked\r\n\r\n8\r\nstreamed\r\n0\r\n\r\n");
        assertThat(open)
                .as("write() for a chunked response to a keep-alive request")
                .isTrue();
    }

    @Test
    void aBodyOfUnknownLengthEndsWithTheConnectionForHttp10() throws IOException {
        HttpResponse response = new HttpResponse(200, new Headers(), ResponseBody.of(stream("streamed"), -1));

        boolean open = writer.write(wire, response, "GET", "HTTP/1.0", true);

        assertThat(wire())
                .as("a body of unknown length to an HTTP/1.0 keep-alive GET (HTTP/1.0 has no chunks)")
                .isEqualTo("HTTP/1.1 200 OK\r\n" + DATE + "Connection: close\r\n\r\nstreamed");
        assertThat(open).as("write() when the body ends with the connection").isFalse();
    }

    @Test
    void aConnectionThatWillCloseSaysSo() throws IOException {
        boolean open = writer.write(wire, HttpResponse.text(200, "x"), "GET", "HTTP/1.1", false);

        assertThat(wire()).as("a response with keepAlive false").contains("\r\nConnection: close\r\n");
        assertThat(open).as("write() with keepAlive false").isFalse();
    }

    @Test
    void aResponseThatAsksToCloseClosesTheConnection() throws IOException {
        boolean open =
                writer.write(wire, HttpResponse.text(200, "x").header("Connection", "close"), "GET", "HTTP/1.1", true);

        assertThat(wire()).as("a response whose handler set Connection: close").contains("\r\nConnection: close\r\n");
        assertThat(open)
                .as("write() for a response whose handler set Connection: close")
                .isFalse();
    }

    @Test
    void anHttp10RequestThatStaysOpenIsToldKeepAlive() throws IOException {
        boolean open = writer.write(wire, HttpResponse.text(200, "x"), "GET", "HTTP/1.0", true);

        assertThat(wire())
                .as("a response to an HTTP/1.0 keep-alive request")
                .contains("\r\nConnection: keep-alive\r\n");
        assertThat(open).as("write() for an HTTP/1.0 keep-alive request").isTrue();
    }

    @Test
    void aHeadResponseHasTheLengthButNoBodyAndDiscardsIt() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream source = new ByteArrayInputStream("Hello World!".getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        HttpResponse response = new HttpResponse(200, new Headers(), ResponseBody.of(source, 12));

        boolean open = writer.write(wire, response, "HEAD", "HTTP/1.1", true);

        assertThat(wire())
                .as("the answer to HEAD for a 12-byte body")
                .isEqualTo("HTTP/1.1 200 OK\r\n" + DATE + "Content-Length: 12\r\n\r\n");
        assertThat(closed)
                .as("whether the body's stream was closed (discarded) for HEAD")
                .isTrue();
        assertThat(open).as("write() after a HEAD").isTrue();
    }

    @Test
    void aHeadResponseKeepsTheHandlersLengthWhenItHasNoBody() throws IOException {
        writer.write(wire, HttpResponse.empty(200).header("Content-Length", "5000"), "HEAD", "HTTP/1.1", true);

        assertThat(wire())
                .as("the answer to HEAD from a handler (a proxy) that set Content-Length: 5000 and no body")
                .isEqualTo("HTTP/1.1 200 OK\r\n" + DATE + "Content-Length: 5000\r\n\r\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 204, 304})
    void informationalNoContentAndNotModifiedHaveNoBodyAndNoLength(int status) throws IOException {
        writer.write(
                wire, new HttpResponse(status, new Headers(), ResponseBody.of("ignored")), "GET", "HTTP/1.1", true);

        assertThat(wire())
                .as("a %d response", status)
                .isEqualTo("HTTP/1.1 " + status + " " + HttpStatus.reason(status) + "\r\n" + DATE + "\r\n");
    }

    @Test
    void theStatusLineIsHttp11EvenForAnHttp10Request() throws IOException {
        writer.write(wire, HttpResponse.text(404, "no"), "GET", "HTTP/1.0", false);

        assertThat(wire())
                .as("the status line of a 404 to an HTTP/1.0 request")
                .startsWith("HTTP/1.1 404 Not Found\r\n");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }
}

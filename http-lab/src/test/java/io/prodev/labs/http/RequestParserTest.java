package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Task("0")
class RequestParserTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 50000);

    private final RequestParser parser = new RequestParser(1024, 100);

    private static InputStream wire(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String body(HttpRequest request) throws IOException {
        return new String(request.body().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    private int statusOf(String request) {
        try {
            parser.read(wire(request), CLIENT, false);
        } catch (HttpProtocolException e) {
            return e.status();
        } catch (IOException e) {
            throw new AssertionError("expected an HttpProtocolException, got " + e, e);
        }
        throw new AssertionError("expected an HttpProtocolException, the request was accepted");
    }

    @Test
    void readsTheRequestLineHeadersAndBody() throws IOException {
        HttpRequest request = parser.read(
                wire("POST /submit?x=1&y=2 HTTP/1.1\r\nHost: example.com\r\nContent-Type: text/plain\r\n"
                        + "Content-Length: 5\r\nX-Empty:\r\n\r\nhello"),
                CLIENT,
                true);

        assertThat(request.method()).as("method").isEqualTo("POST");
        assertThat(request.target()).as("target").isEqualTo("/submit?x=1&y=2");
        assertThat(request.path()).as("path()").isEqualTo("/submit");
        assertThat(request.query()).as("query()").isEqualTo("x=1&y=2");
        assertThat(request.version()).as("version").isEqualTo("HTTP/1.1");
        assertThat(request.headers().names())
                .as("the header names, in order, as sent")
                .containsExactly("Host", "Content-Type", "Content-Length", "X-Empty");
        assertThat(request.header("content-type"))
                .as("header(\"content-type\")")
                .hasValue("text/plain");
        assertThat(request.header("X-Empty")).as("an empty header value").hasValue("");
        assertThat(body(request)).as("the body").isEqualTo("hello");
        assertThat(request.remoteAddress()).as("remoteAddress").isEqualTo(CLIENT);
        assertThat(request.secure()).as("secure, as given").isTrue();
    }

    @Test
    void headerValuesLoseTheWhiteSpaceAroundThem() throws IOException {
        HttpRequest request =
                parser.read(wire("GET / HTTP/1.1\r\nHost:  a.example \t\r\nAccept:\ttext/html\r\n\r\n"), CLIENT, false);

        assertThat(request.header("Host")).as("\"Host:  a.example \\t\"").hasValue("a.example");
        assertThat(request.header("Accept")).as("\"Accept:\\ttext/html\"").hasValue("text/html");
    }

    @Test
    void returnsNullWhenTheClientClosesBeforeARequest() throws IOException {
        assertThat(parser.read(wire(""), CLIENT, false))
                .as("read() on a stream that ends at once")
                .isNull();
    }

    @Test
    void skipsEmptyLinesBeforeTheRequestLineAndAcceptsBareLineFeeds() throws IOException {
        HttpRequest request = parser.read(wire("\r\n\nGET /a HTTP/1.1\nHost: x\n\n"), CLIENT, false);

        assertThat(request.target())
                .as("the target after two empty lines, lines ending in LF only")
                .isEqualTo("/a");
        assertThat(request.header("Host")).as("Host").hasValue("x");
    }

    @Test
    void aRequestWithoutLengthHasAnEmptyBody() throws IOException {
        HttpRequest request = parser.read(wire("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /next"), CLIENT, false);

        assertThat(body(request))
                .as("the body of a GET with neither Content-Length nor chunks")
                .isEmpty();
    }

    @Test
    void readsPipelinedRequestsOneAfterTheOther() throws IOException {
        InputStream connection = wire("POST /one HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                + "POST /two HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nde\r\n0\r\n\r\n"
                + "GET /three HTTP/1.0\r\n\r\n");

        HttpRequest one = parser.read(connection, CLIENT, false);
        String oneBody = body(one);
        HttpRequest two = parser.read(connection, CLIENT, false);
        String twoBody = body(two);
        HttpRequest three = parser.read(connection, CLIENT, false);

        assertThat(one.target() + " " + oneBody)
                .as("the first request and its body")
                .isEqualTo("/one abc");
        assertThat(two.target() + " " + twoBody)
                .as("the second, chunked, and its body")
                .isEqualTo("/two de");
        assertThat(three.target() + " " + three.version()).as("the third").isEqualTo("/three HTTP/1.0");
        assertThat(parser.read(connection, CLIENT, false))
                .as("read() after the last request")
                .isNull();
    }

    @Test
    void anAbsoluteUrlBecomesItsPath() throws IOException {
        HttpRequest request = parser.read(
                wire("GET http://example.com:8080/a/b?c=d HTTP/1.1\r\nHost: example.com\r\n\r\n"), CLIENT, false);
        HttpRequest bare =
                parser.read(wire("GET http://example.com HTTP/1.1\r\nHost: example.com\r\n\r\n"), CLIENT, false);

        assertThat(request.target())
                .as("the target of GET http://example.com:8080/a/b?c=d")
                .isEqualTo("/a/b?c=d");
        assertThat(bare.target()).as("the target of GET http://example.com").isEqualTo("/");
        HttpRequest queryOnly =
                parser.read(wire("GET https://example.com?q=1 HTTP/1.1\r\nHost: example.com\r\n\r\n"), CLIENT, false);
        assertThat(queryOnly.target())
                .as("the target of GET https://example.com?q=1")
                .isEqualTo("/?q=1");
    }

    @Test
    void theAsteriskTargetIsAccepted() throws IOException {
        HttpRequest request = parser.read(wire("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n"), CLIENT, false);

        assertThat(request.target()).as("the target of OPTIONS * HTTP/1.1").isEqualTo("*");
    }

    @Test
    void http10NeedsNoHost() throws IOException {
        HttpRequest request = parser.read(wire("GET / HTTP/1.0\r\n\r\n"), CLIENT, false);

        assertThat(request.version())
                .as("version of an HTTP/1.0 request without Host")
                .isEqualTo("HTTP/1.0");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "GARBAGE\r\n\r\n",
                "GET /\r\nHost: x\r\n\r\n",
                "GET  / HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n",
                "G(T / HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET nopath HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET / HTTQ/1.1\r\nHost: x\r\n\r\n",
                "GET / HTTP/1.1\r\nHost x\r\n\r\n",
                "GET / HTTP/1.1\r\nHost : x\r\n\r\n",
                "GET / HTTP/1.1\r\n: x\r\nHost: x\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\rInjected: y\r\n\r\n",
                "GET / HTTP/1.1\r\nX: a\u0000b\r\nHost: x\r\n\r\n",
                "GET / HTTP/1.1\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: five\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nContent-Length: 5\r\n\r\nabcde",
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1234567890123456789012\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\n"
            })
    void aMalformedRequestIsA400(String request) {
        assertThat(statusOf(request))
                .as(
                        "the status for the malformed request %s",
                        request.replace("\r", "\\r").replace("\n", "\\n"))
                .isEqualTo(400);
    }

    @Test
    void equalRepeatedContentLengthsAreOneLength() throws IOException {
        HttpRequest request = parser.read(
                wire("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc"), CLIENT, false);

        assertThat(body(request))
                .as("the body of a request saying Content-Length: 3 twice")
                .isEqualTo("abc");
    }

    @ParameterizedTest(name = "[{index}] {1} for {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "GET / HTTP/2.0\\r\\nHost: x\\r\\n\\r\\n|505",
                "GET / HTTP/0.9\\r\\nHost: x\\r\\n\\r\\n|505",
                "POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: gzip\\r\\n\\r\\n|501",
                "POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: gzip, chunked\\r\\n\\r\\n|501",
                "POST / HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 101\\r\\n\\r\\n|413"
            })
    void otherRefusalsHaveTheirOwnStatus(String request, int status) {
        String sent = request.replace("\\r\\n", "\r\n");
        assertThat(statusOf(sent)).as("the status for %s", request).isEqualTo(status);
    }

    @Test
    void aBodyOfExactlyTheLimitIsAccepted() throws IOException {
        String hundred = "x".repeat(100);
        HttpRequest request =
                parser.read(wire("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + hundred), CLIENT, false);

        assertThat(body(request)).as("a body of 100 bytes with a limit of 100").hasSize(100);
    }

    @Test
    void aTooLongRequestLineIsA414AndTooManyHeaderBytesA431() {
        String longTarget = "/" + "a".repeat(1100);
        String manyHeaders = "X-Filler: " + "b".repeat(200) + "\r\n";

        assertThat(statusOf("GET " + longTarget + " HTTP/1.1\r\nHost: x\r\n\r\n"))
                .as("the status for a request line of 1,100 bytes with a header limit of 1,024")
                .isEqualTo(414);
        assertThat(statusOf("GET / HTTP/1.1\r\nHost: x\r\n" + manyHeaders.repeat(6) + "\r\n"))
                .as("the status for 6 header lines of 212 bytes with a header limit of 1,024")
                .isEqualTo(431);
    }

    @Test
    void theHeaderLimitCountsEveryByteOfTheHead() throws IOException {
        String head = "GET / HTTP/1.1\r\nHost: x\r\nX: ";
        String fits = head + "y".repeat(1024 - head.length() - 4) + "\r\n\r\n";
        String overByOne = head + "y".repeat(1024 - head.length() - 3) + "\r\n\r\n";

        assertThat(parser.read(wire(fits), CLIENT, false))
                .as("a head of exactly 1,024 bytes (line ends included) with a limit of 1,024")
                .isNotNull();
        assertThat(statusOf(overByOne))
                .as("a head of 1,025 bytes with a limit of 1,024")
                .isEqualTo(431);
    }

    @Test
    void aTimeoutInTheMiddleOfARequestIsA408() {
        InputStream stalled = new SequenceInputStream(wire("GET / HTTP/1.1\r\nHo"), new TimingOut());

        assertThatThrownBy(() -> parser.read(stalled, CLIENT, false))
                .as("a read timeout after the first bytes of a request")
                .isInstanceOfSatisfying(
                        HttpProtocolException.class,
                        e -> assertThat(e.status())
                                .as("the status of the exception")
                                .isEqualTo(408));
    }

    @Test
    void aTimeoutBeforeARequestIsThrownAsItCame() {
        assertThatThrownBy(() -> parser.read(new TimingOut(), CLIENT, false))
                .as("a read timeout before the first byte of a request (an idle keep-alive connection)")
                .isExactlyInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void badLimitsAreRefused() {
        assertThatThrownBy(() -> new RequestParser(10, 100))
                .as("new RequestParser(10, 100)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10");
        assertThatThrownBy(() -> new RequestParser(1024, -1))
                .as("new RequestParser(1024, -1)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    /** A stream whose every read times out, as a socket's does when the client sends nothing. */
    private static final class TimingOut extends InputStream {
        @Override
        public int read() throws IOException {
            throw new SocketTimeoutException("Read timed out");
        }
    }
}

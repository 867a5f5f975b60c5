package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Task("0")
class BodyStreamsTest {

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String rest(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void aFixedLengthBodyEndsAfterItsLengthAndLeavesTheNextRequest() throws IOException {
        InputStream connection = bytes("hello worldGET / HTTP/1.1");

        InputStream body = BodyStreams.fixedLength(connection, 11);

        assertThat(rest(body))
                .as("fixedLength(in, 11) over \"hello worldGET / ...\"")
                .isEqualTo("hello world");
        assertThat(body.read()).as("read() after the body's 11 bytes").isEqualTo(-1);
        body.close();
        assertThat(rest(connection))
                .as("what is left on the connection after reading the body and closing it")
                .isEqualTo("GET / HTTP/1.1");
    }

    @Test
    void aFixedLengthBodyCutShortSaysHowMuchCame() {
        InputStream body = BodyStreams.fixedLength(bytes("abc"), 10);

        assertThatThrownBy(() -> rest(body))
                .as("reading a 10-byte body from a stream that ends after 3")
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("3")
                .hasMessageContaining("10");
    }

    @Test
    void aNegativeLengthIsRefused() {
        assertThatThrownBy(() -> BodyStreams.fixedLength(bytes(""), -1))
                .as("fixedLength(in, -1)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void aChunkedBodyIsDecodedUpToItsLastChunk() throws IOException {
        InputStream connection = bytes("5\r\nhello\r\n7;name=value\r\n, world\r\n0\r\nExpires: never\r\n\r\nNEXT");

        InputStream body = BodyStreams.chunked(connection, 100);

        assertThat(rest(body))
                .as("the data of chunks \"hello\" and \", world\" (one with an extension), then a trailer")
                .isEqualTo("hello, world");
        body.close();
        assertThat(rest(connection))
                .as("what is left on the connection after the last chunk and its trailer fields")
                .isEqualTo("NEXT");
    }

    @Test
    void chunkSizesAreHexadecimalInEitherCase() throws IOException {
        String sixteen = "0123456789abcdef";
        String ten = "0123456789";

        String decoded =
                rest(BodyStreams.chunked(bytes("10\r\n" + sixteen + "\r\nA\r\n" + ten + "\r\n0\r\n\r\n"), 100));

        assertThat(decoded)
                .as("chunks of size 10 (hex: 16 bytes) and A (10 bytes)")
                .isEqualTo(sixteen + ten);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "x\r\nhello\r\n0\r\n\r\n",
                "\r\nhello\r\n0\r\n\r\n",
                "-5\r\nhello\r\n0\r\n\r\n",
                "5\r\nhelloXX0\r\n\r\n"
            })
    void aMalformedChunkIsA400(String chunks) {
        assertThatThrownBy(() -> rest(BodyStreams.chunked(bytes(chunks), 100)))
                .as("decoding the malformed chunked body %s", chunks.replace("\r\n", "\\r\\n"))
                .isInstanceOfSatisfying(
                        HttpProtocolException.class,
                        e -> assertThat(e.status())
                                .as("the status of the exception")
                                .isEqualTo(400));
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413() {
        InputStream body = BodyStreams.chunked(bytes("6\r\nhello!\r\n6\r\nhello!\r\n0\r\n\r\n"), 10);

        assertThatThrownBy(() -> rest(body))
                .as("decoding 12 bytes of chunks with a limit of 10")
                .isInstanceOfSatisfying(
                        HttpProtocolException.class,
                        e -> assertThat(e.status())
                                .as("the status of the exception")
                                .isEqualTo(413));
    }

    @Test
    void aChunkedBodyThatEndsEarlyIsAnError() {
        assertThatThrownBy(() -> rest(BodyStreams.chunked(bytes("5\r\nhel"), 100)))
                .as("decoding a chunked body whose stream ends inside a chunk")
                .isInstanceOf(IOException.class);
    }

    @Test
    void theEncoderWritesOneChunkPerWriteAndTheLastChunkOnClose() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        OutputStream chunks = BodyStreams.chunkedEncoder(wire);

        chunks.write("hello".getBytes(StandardCharsets.US_ASCII));
        chunks.write(new byte[0]);
        chunks.write("0123456789abcdefXY".getBytes(StandardCharsets.US_ASCII));
        chunks.close();
        wire.write('!');

        assertThat(wire.toString(StandardCharsets.US_ASCII))
                .as("writes of 5, 0 and 18 bytes, close(), then a byte written to the connection itself")
                .isEqualTo("5\r\nhello\r\n12\r\n0123456789abcdefXY\r\n0\r\n\r\n!");
    }

    @Test
    void closingTheEncoderFlushesTheLastChunk() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        OutputStream buffered = new BufferedOutputStream(wire, 1024);

        OutputStream chunks = BodyStreams.chunkedEncoder(buffered);
        chunks.write('x');
        chunks.close();

        assertThat(wire.toString(StandardCharsets.US_ASCII))
                .as("what reached the connection through a 1 KiB buffer once the encoder was closed")
                .isEqualTo("1\r\nx\r\n0\r\n\r\n");
    }

    @Test
    void whatTheEncoderWritesTheDecoderReadsBack() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        try (OutputStream chunks = BodyStreams.chunkedEncoder(wire)) {
            chunks.write("first ".getBytes(StandardCharsets.US_ASCII));
            chunks.write("second".getBytes(StandardCharsets.US_ASCII));
        }

        String decoded = rest(BodyStreams.chunked(new ByteArrayInputStream(wire.toByteArray()), 100));

        assertThat(decoded)
                .as("the decoded encoding of \"first \" and \"second\"")
                .isEqualTo("first second");
    }
}

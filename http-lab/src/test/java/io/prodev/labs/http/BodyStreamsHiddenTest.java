package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Task("0")
@Hidden
class BodyStreamsHiddenTest {

    /** Reads {@code in} in pieces of random sizes, as a handler might. */
    private static byte[] readInPieces(InputStream in, Random random) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (random.nextInt(5) == 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                out.write(b);
                continue;
            }
            byte[] buffer = new byte[1 + random.nextInt(700)];
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    @Hint("a body stream ends exactly where its body ends, however it is read: the next message must stay intact")
    @Test
    void bodiesEndExactlyWhereTheyShould() throws IOException {
        Random random = new Random(21);
        for (int i = 0; i < 200; i++) {
            byte[] body = new byte[random.nextInt(3000)];
            random.nextBytes(body);
            byte[] next = ("NEXT" + i).getBytes();
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            boolean chunked = random.nextBoolean();
            if (chunked) {
                OutputStream encoder = BodyStreams.chunkedEncoder(wire);
                for (int at = 0; at < body.length; ) {
                    int size = Math.min(body.length - at, random.nextInt(900));
                    encoder.write(body, at, size);
                    at += size;
                }
                encoder.close();
            } else {
                wire.write(body);
            }
            wire.write(next);
            InputStream connection = new ByteArrayInputStream(wire.toByteArray());

            InputStream stream = chunked
                    ? BodyStreams.chunked(connection, body.length)
                    : BodyStreams.fixedLength(connection, body.length);
            byte[] read = readInPieces(stream, random);
            stream.close();

            assertThat(read)
                    .as(
                            "body %d (%d bytes, %s) read in random pieces",
                            i, body.length, chunked ? "chunked" : "fixed length")
                    .isEqualTo(body);
            assertThat(connection.readAllBytes())
                    .as("what follows body %d on the connection", i)
                    .isEqualTo(next);
        }
    }
}

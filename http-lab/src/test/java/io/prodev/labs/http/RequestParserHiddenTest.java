package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Task("0")
@Hidden
class RequestParserHiddenTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40000);
    private static final String TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~";
    private static final String VALUE = TOKEN + " \t\"(),/:;<=>?@[\\]{}";

    private static String random(Random random, String alphabet, int min, int max) {
        StringBuilder text = new StringBuilder();
        int length = min + random.nextInt(max - min + 1);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Hint("header names are tokens, values lose the white space around them, names keep their case and order")
    @Test
    void randomValidRequestsParseAsTheyWereWritten() throws IOException {
        Random random = new Random(11);
        for (int i = 0; i < 300; i++) {
            String method = random(random, TOKEN, 1, 8);
            String target = "/" + random(random, TOKEN.replace("?", ""), 0, 30);
            String version = random.nextBoolean() ? "HTTP/1.1" : "HTTP/1.0";
            String eol = random.nextBoolean() ? "\r\n" : "\n";
            List<String[]> fields = new ArrayList<>();
            fields.add(new String[] {random.nextBoolean() ? "Host" : "HOST", random(random, TOKEN, 1, 20)});
            for (int f = random.nextInt(8); f > 0; f--) {
                String name = random(random, TOKEN, 1, 12);
                if (name.equalsIgnoreCase("host")
                        || name.equalsIgnoreCase("content-length")
                        || name.equalsIgnoreCase("transfer-encoding")) {
                    continue;
                }
                fields.add(new String[] {name, random(random, VALUE, 0, 30).strip()});
            }
            StringBuilder wire = new StringBuilder(method + " " + target + " " + version + eol);
            for (String[] field : fields) {
                String ows = random.nextBoolean() ? "" : random.nextBoolean() ? " " : " \t ";
                wire.append(field[0])
                        .append(':')
                        .append(ows)
                        .append(field[1])
                        .append(ows)
                        .append(eol);
            }
            wire.append(eol);

            InputStream in = new ByteArrayInputStream(wire.toString().getBytes(StandardCharsets.ISO_8859_1));
            HttpRequest request = new RequestParser(8192, 0).read(in, CLIENT, false);

            String shown =
                    wire.toString().replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
            assertThat(request.method() + " " + request.target() + " " + request.version())
                    .as("the request line of %s", shown)
                    .isEqualTo(method + " " + target + " " + version);
            List<String> parsed = new ArrayList<>();
            request.headers().forEach((name, value) -> parsed.add(name + "=" + value));
            assertThat(parsed)
                    .as("the header fields of %s", shown)
                    .containsExactlyElementsOf(
                            fields.stream().map(f -> f[0] + "=" + f[1]).toList());
        }
    }

    @Hint("the header limit counts every byte of the request line and the fields, line ends included")
    @Test
    void theHeaderLimitHoldsAtEverySize() throws IOException {
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            int limit = 64 + random.nextInt(500);
            StringBuilder wire = new StringBuilder("GET / HTTP/1.1\r\nHost: h\r\n");
            while (wire.length() < limit - 20 + random.nextInt(40)) {
                wire.append("X")
                        .append(i)
                        .append(": ")
                        .append("v".repeat(random.nextInt(10)))
                        .append("\r\n");
            }
            wire.append("\r\n");
            InputStream in = new ByteArrayInputStream(wire.toString().getBytes(StandardCharsets.ISO_8859_1));
            int status;
            try {
                new RequestParser(limit, 0).read(in, CLIENT, false);
                status = 200;
            } catch (HttpProtocolException e) {
                status = e.status();
            }
            assertThat(status)
                    .as("parsing a head of %d bytes with a limit of %d (200: accepted)", wire.length(), limit)
                    .isEqualTo(wire.length() <= limit ? 200 : 431);
        }
    }
}

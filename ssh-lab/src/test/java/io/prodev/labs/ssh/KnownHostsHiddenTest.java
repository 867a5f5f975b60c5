package io.prodev.labs.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("3")
@Hidden
class KnownHostsHiddenTest {

    private static final List<String> HOSTS = List.of("alpha", "Beta.example.com", "10.0.0.7", "gamma");
    private static final List<Integer> PORTS = List.of(22, 22, 2222, 40123);
    private static final List<String> TYPES = List.of("ssh-ed25519", "ssh-rsa");

    @TempDir
    Path folder;

    /** A known_hosts line, as the model knows it. */
    private record Line(String host, int port, String type, byte[] key) {
        String name() {
            String lower = host.toLowerCase(Locale.ROOT);
            return port == 22 ? lower : "[" + lower + "]:" + port;
        }
    }

    @Hint(
            "a host's verdict comes from every line naming it, plain or hashed: the same key known, another of its type changed")
    @Test
    void randomFilesMatchAModel() throws Exception {
        Random random = new Random(3);
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] key = new byte[51];
            random.nextBytes(key);
            keys.add(key);
        }
        for (int round = 0; round < 20; round++) {
            List<Line> lines = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                Line line = new Line(pick(random, HOSTS), pick(random, PORTS), pick(random, TYPES), pick(random, keys));
                lines.add(line);
                String written =
                        random.nextBoolean() ? hashed(line.name(), random) : writtenInAnyCase(line.name(), random);
                text.append(written)
                        .append(' ')
                        .append(line.type())
                        .append(' ')
                        .append(Base64.getEncoder().encodeToString(line.key()))
                        .append('\n');
            }
            Path file = folder.resolve("known_hosts_" + round);
            Files.writeString(file, text);
            KnownHosts knownHosts = KnownHosts.load(file);
            for (int check = 0; check < 20; check++) {
                Line asked =
                        new Line(pick(random, HOSTS), pick(random, PORTS), pick(random, TYPES), pick(random, keys));
                HostKeyVerdict expected = model(lines, asked);
                assertThat(knownHosts.check(asked.host(), asked.port(), asked.type(), asked.key()))
                        .as(
                                "check(%s, %d, %s, key %d) against this file:%n%s",
                                asked.host(), asked.port(), asked.type(), keys.indexOf(asked.key()), text)
                        .isEqualTo(expected);
            }
        }
    }

    @Hint("what add records is known at once, and to a new load of the file, whatever the case of the host name")
    @Test
    void addedKeysAreKnownAtOnceAndAfterALoad() throws Exception {
        Path file = folder.resolve("known_hosts");
        KnownHosts knownHosts = KnownHosts.load(file);
        byte[] key = KnownHostsTest.blob(KnownHostsTest.KEY);

        knownHosts.add("Server.Example.COM", 22, "ssh-ed25519", key);
        knownHosts.add("10.1.2.3", 2022, "ssh-ed25519", key);

        for (KnownHosts loaded : List.of(knownHosts, KnownHosts.load(file))) {
            assertThat(loaded.check("server.example.com", 22, "ssh-ed25519", key))
                    .as("check(server.example.com:22) after add(Server.Example.COM, 22)")
                    .isEqualTo(HostKeyVerdict.KNOWN);
            assertThat(loaded.check("10.1.2.3", 2022, "ssh-ed25519", key))
                    .as("check(10.1.2.3:2022) after add(10.1.2.3, 2022)")
                    .isEqualTo(HostKeyVerdict.KNOWN);
            assertThat(loaded.check("10.1.2.3", 22, "ssh-ed25519", key))
                    .as("check(10.1.2.3:22) after add(10.1.2.3, 2022)")
                    .isEqualTo(HostKeyVerdict.UNKNOWN);
        }
    }

    private static HostKeyVerdict model(List<Line> lines, Line asked) {
        boolean sameType = false;
        for (Line line : lines) {
            if (line.name().equals(asked.name()) && line.type().equals(asked.type())) {
                if (Arrays.equals(line.key(), asked.key())) {
                    return HostKeyVerdict.KNOWN;
                }
                sameType = true;
            }
        }
        return sameType ? HostKeyVerdict.CHANGED : HostKeyVerdict.UNKNOWN;
    }

    private static String hashed(String name, Random random) throws Exception {
        byte[] salt = new byte[20];
        random.nextBytes(salt);
        Mac hmac = Mac.getInstance("HmacSHA1");
        hmac.init(new SecretKeySpec(salt, "HmacSHA1"));
        byte[] hash = hmac.doFinal(name.getBytes(StandardCharsets.UTF_8));
        return "|1|" + Base64.getEncoder().encodeToString(salt) + "|"
                + Base64.getEncoder().encodeToString(hash);
    }

    private static String writtenInAnyCase(String name, Random random) {
        return random.nextBoolean() ? name.toUpperCase(Locale.ROOT) : name;
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}

package io.prodev.labs.labkit.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import com.jcraft.jsch.Session;
import io.prodev.labs.labkit.ssh.JschClient.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each command the server answers, through JSch: output, error output and exit status. */
@SshTest
class SshCommandsTest {

    @Test
    void echoJoinsItsWordsKeepingWhatQuotesHold(SshEndpoint server) throws Exception {
        Result result = JschClient.exec(server, "echo 'a  b' \"c \\\"d\\\"\" e\\ f $HOME");

        assertThat(result).isEqualTo(new Result("a  b c \"d\" e f $HOME\n", "", 0));
    }

    @Test
    void catPrintsAFileUnderTheRoot(SshEndpoint server) throws Exception {
        Files.writeString(server.root().resolve("notes.txt"), "line 1\nline 2\n");

        assertThat(JschClient.exec(server, "cat /notes.txt")).isEqualTo(new Result("line 1\nline 2\n", "", 0));
    }

    @Test
    void catWithoutAFileCopiesStandardInput(SshEndpoint server) throws Exception {
        Result result = JschClient.exec(server, "cat", "from stdin\n", Map.of());

        assertThat(result).isEqualTo(new Result("from stdin\n", "", 0));
    }

    @Test
    void catOfAMissingFileSaysSoAndExitsWithOne(SshEndpoint server) throws Exception {
        assertThat(JschClient.exec(server, "cat ../../etc/passwd"))
                .as("cat of a path that climbs out of the root")
                .isEqualTo(new Result("", "cat: ../../etc/passwd: No such file or directory\n", 1));
    }

    @Test
    void pwdPrintsTheRootAsTheRemoteSeesIt(SshEndpoint server) throws Exception {
        assertThat(JschClient.exec(server, "pwd")).isEqualTo(new Result("/\n", "", 0));
    }

    @Test
    void sleepWaitsForFractionalSeconds(SshEndpoint server) throws Exception {
        long start = System.nanoTime();
        Result result = JschClient.exec(server, "sleep 0.3");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result).isEqualTo(new Result("", "", 0));
        assertThat(millis).as("milliseconds `sleep 0.3` took").isGreaterThanOrEqualTo(300);
    }

    @Test
    void sleepRejectsANegativeInterval(SshEndpoint server) throws Exception {
        assertThat(JschClient.exec(server, "sleep -1"))
                .isEqualTo(new Result("", "sleep: invalid time interval '-1'\n", 1));
    }

    @Test
    void sleepEndsWhenTheChannelCloses(SshEndpoint server) throws Exception {
        Session session = JschClient.withKey(server);
        try {
            var channel = (com.jcraft.jsch.ChannelExec) session.openChannel("exec");
            channel.setCommand("sleep 30");
            channel.connect(5_000);
            Thread.sleep(100);
            assertThat(ThreadWatch.named("labkit-ssh-command"))
                    .as("command threads while `sleep 30` runs")
                    .isNotEmpty();

            channel.disconnect();

            assertThat(ThreadWatch.awaitNoneNamed("labkit-ssh-command", 3_000))
                    .as("command threads still alive 3 s after the channel of `sleep 30` closed")
                    .isEmpty();
        } finally {
            session.disconnect();
        }
    }

    @Test
    void exitEndsWithTheStatusItIsGiven(SshEndpoint server) throws Exception {
        assertThat(JschClient.exec(server, "exit 3")).isEqualTo(new Result("", "", 3));
    }

    @Test
    void sha256sumPrintsWhatJavasMessageDigestComputes(SshEndpoint server) throws Exception {
        byte[] content = "some bytes to hash\n".getBytes(StandardCharsets.UTF_8);
        Files.write(server.root().resolve("data.bin"), content);
        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

        assertThat(JschClient.exec(server, "sha256sum data.bin missing.bin"))
                .isEqualTo(new Result(
                        expected + "  data.bin\n", "sha256sum: missing.bin: No such file or directory\n", 1));
    }

    @Test
    void envListsWhatTheClientSentAndTheFixedVariables(SshEndpoint server) throws Exception {
        Result result = JschClient.exec(server, "env", "", Map.of("GREETING", "hello there"));

        assertThat(result.out().lines())
                .contains("GREETING=hello there", "HOME=/", "USER=" + server.user())
                .isSorted();
        assertThat(result.status()).isZero();
    }

    @Test
    void anUnknownCommandIsNotFoundWith127(SshEndpoint server) throws Exception {
        assertThat(JschClient.exec(server, "rm -rf /")).isEqualTo(new Result("", "sh: rm: command not found\n", 127));
    }

    @Test
    void anUnterminatedQuoteIsASyntaxError(SshEndpoint server) throws Exception {
        assertThat(JschClient.exec(server, "echo 'oops"))
                .isEqualTo(new Result("", "sh: unterminated single quote in: echo 'oops\n", 2));
    }

    @Test
    void commandsRunListsTheCommandLinesTheServerTookInOrder(SshEndpoint server) throws Exception {
        JschClient.exec(server, "echo 'one  two'");
        JschClient.exec(server, "sha256sum 'it'\\''s.txt'");
        JschClient.exec(server, "no-such-command \\ \"a\nb\r\"");

        assertThat(server.commandsRun())
                .as("commandsRun() after three exec requests")
                .containsExactly("echo 'one  two'", "sha256sum 'it'\\''s.txt'", "no-such-command \\ \"a\nb\r\"");
    }

    @Test
    void commandsRunIsEmptyAtTheStartOfEachTest(SshEndpoint server) throws Exception {
        assertThat(server.commandsRun())
                .as("commandsRun() at the start of a test")
                .isEmpty();
        JschClient.exec(server, "echo left behind");
    }

    @Test
    void aSecondTestFindsNoCommandOfTheFirst(SshEndpoint server) throws Exception {
        commandsRunIsEmptyAtTheStartOfEachTest(server);
    }

    @Test
    void corruptChecksumsMakesSha256sumReportAWrongHashUntilTurnedOff(SshEndpoint server) throws Exception {
        byte[] content = "some bytes to hash\n".getBytes(StandardCharsets.UTF_8);
        Files.write(server.root().resolve("data.bin"), content);
        String right =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

        server.corruptChecksums(true);
        Result corrupted = JschClient.exec(server, "sha256sum data.bin");
        Result fromStdin = JschClient.exec(server, "sha256sum", "some bytes to hash\n", Map.of());
        server.corruptChecksums(false);

        assertThat(corrupted.out())
                .as("sha256sum data.bin with corruptChecksums(true)")
                .matches("[0-9a-f]{64}  data\\.bin\n")
                .isNotEqualTo(right + "  data.bin\n");
        assertThat(corrupted.status()).as("its exit status, still 0").isZero();
        assertThat(fromStdin.out())
                .as("sha256sum of standard input with corruptChecksums(true)")
                .isNotEqualTo(right + "  -\n");
        assertThat(JschClient.exec(server, "sha256sum data.bin").out())
                .as("sha256sum data.bin after corruptChecksums(false)")
                .isEqualTo(right + "  data.bin\n");
    }

    @Test
    void checksumsAreRightAgainInTheNextTest(SshEndpoint server) throws Exception {
        Files.write(server.root().resolve("empty.bin"), new byte[0]);
        String empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

        assertThat(JschClient.exec(server, "sha256sum empty.bin").out())
                .as("sha256sum at the start of a test")
                .isEqualTo(empty + "  empty.bin\n");
        server.corruptChecksums(true); // left on: the next test must find it off
    }

    @Test
    void aSecondTestFindsChecksumsRight(SshEndpoint server) throws Exception {
        checksumsAreRightAgainInTheNextTest(server);
    }
}

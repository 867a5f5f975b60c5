package io.prodev.labs.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.Weight;
import io.prodev.labs.labkit.ssh.SshEndpoint;
import io.prodev.labs.labkit.ssh.SshTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("4")
@SshTest
class FileTransferTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    private SshEndpoint endpoint;
    private SshTarget target;
    private Path local;

    @BeforeEach
    void setUp(SshEndpoint endpoint) throws IOException {
        this.endpoint = endpoint;
        this.target = TestTargets.of(endpoint, folder);
        this.local = Files.createDirectory(folder.resolve("local"));
    }

    @Weight(3)
    @Test
    void anUploadCopiesTheBytesAndReportsTheirHash() throws IOException {
        byte[] content = randomBytes(100_000, 1);
        Path file = Files.write(local.resolve("data.bin"), content);

        TransferResult result = FileTransfer.upload(target, file, "data.bin", TIMEOUT);

        assertThat(endpoint.root().resolve("data.bin"))
                .as("the server's data.bin after upload(data.bin, \"data.bin\")")
                .hasBinaryContent(content);
        assertThat(result)
                .as("upload(data.bin, \"data.bin\") of 100000 random bytes")
                .isEqualTo(new TransferResult(file.toString(), "data.bin", 100_000, sha256(content)));
    }

    @Weight(3)
    @Test
    void aDownloadCopiesTheBytesBackAndReportsTheirHash() throws IOException {
        byte[] content = randomBytes(100_000, 2);
        Files.createDirectories(endpoint.root().resolve("backups"));
        Files.write(endpoint.root().resolve("backups/db.dump"), content);
        Path file = local.resolve("db.dump");

        TransferResult result = FileTransfer.download(target, "/backups/db.dump", file, TIMEOUT);

        assertThat(file)
                .as("the local file after download(\"/backups/db.dump\")")
                .hasBinaryContent(content);
        assertThat(result)
                .as("download(\"/backups/db.dump\") of 100000 random bytes")
                .isEqualTo(new TransferResult("/backups/db.dump", file.toString(), 100_000, sha256(content)));
    }

    @Test
    void anEmptyFileTravelsBothWays() throws IOException {
        Path empty = Files.write(local.resolve("empty"), new byte[0]);
        String emptyHash = sha256(new byte[0]);

        assertThat(FileTransfer.upload(target, empty, "empty", TIMEOUT))
                .as("upload of an empty file")
                .isEqualTo(new TransferResult(empty.toString(), "empty", 0, emptyHash));
        assertThat(endpoint.root().resolve("empty"))
                .as("the uploaded empty file")
                .isEmptyFile();
        Path back = local.resolve("empty-back");
        assertThat(FileTransfer.download(target, "empty", back, TIMEOUT).bytes())
                .as("bytes of the download of an empty file")
                .isZero();
        assertThat(back).as("the downloaded empty file").isEmptyFile();
    }

    @Weight(2)
    @Test
    void anUploadCreatesTheMissingFoldersOneByOne() throws IOException {
        Files.createDirectories(endpoint.root().resolve("srv"));
        Path file = Files.writeString(local.resolve("app.jar"), "jar");

        FileTransfer.upload(target, file, "srv/app/releases/v2/app.jar", TIMEOUT);
        FileTransfer.upload(target, file, "/etc/app/app.jar", TIMEOUT);

        assertThat(endpoint.root().resolve("srv/app/releases/v2/app.jar"))
                .as("srv/app/releases/v2/app.jar uploaded when srv existed and app/releases/v2 did not")
                .hasContent("jar");
        assertThat(endpoint.root().resolve("etc/app/app.jar"))
                .as("/etc/app/app.jar uploaded when neither /etc nor /etc/app existed")
                .hasContent("jar");
    }

    @Test
    void anUploadReplacesAnExistingFile() throws IOException {
        Files.writeString(endpoint.root().resolve("config.txt"), "old settings, longer than the new ones");
        Path file = Files.writeString(local.resolve("config.txt"), "new settings");

        FileTransfer.upload(target, file, "config.txt", TIMEOUT);

        assertThat(endpoint.root().resolve("config.txt"))
                .as("config.txt uploaded over an existing one")
                .hasContent("new settings");
        assertThat(filesIn(endpoint.root()))
                .as("files on the server after the upload")
                .containsExactly("config.txt");
    }

    @Test
    void aDownloadReplacesAnExistingFile() throws IOException {
        Files.writeString(endpoint.root().resolve("config.txt"), "new settings");
        Path file = Files.writeString(local.resolve("config.txt"), "old settings, longer than the new ones");

        FileTransfer.download(target, "config.txt", file, TIMEOUT);

        assertThat(file).as("config.txt downloaded over an existing one").hasContent("new settings");
        assertThat(filesIn(local))
                .as("files in the local folder after the download")
                .containsExactly("config.txt");
    }

    @Test
    void anUploadToAFolderFailsNamingIt() throws IOException {
        Files.createDirectories(endpoint.root().resolve("site/www"));
        Path file = Files.writeString(local.resolve("index.html"), "<html>");

        assertThatThrownBy(() -> FileTransfer.upload(target, file, "site/www", TIMEOUT))
                .as("upload to site/www, which is a folder on the server")
                .isInstanceOf(SshFailure.class)
                .hasMessageContaining("site/www");
        assertThat(endpoint.root().resolve("site/www"))
                .as("site/www after the upload")
                .isEmptyDirectory();
    }

    @Test
    void anUploadUnderAFileFailsNamingThatFile() throws IOException {
        Files.writeString(endpoint.root().resolve("notes"), "a file, not a folder");
        Path file = Files.writeString(local.resolve("today.txt"), "today");

        assertThatThrownBy(() -> FileTransfer.upload(target, file, "notes/2026/today.txt", TIMEOUT))
                .as("upload to notes/2026/today.txt when notes is a file")
                .isInstanceOf(SshFailure.class)
                .hasMessageContaining("notes");
        assertThat(endpoint.root().resolve("notes"))
                .as("the file notes afterwards")
                .hasContent("a file, not a folder");
        assertThat(filesIn(endpoint.root()))
                .as("files on the server afterwards")
                .containsExactly("notes");
    }

    @Weight(3)
    @Test
    void theServerHashesTheUploadedFileBeforeItIsRenamedIntoPlace() throws IOException {
        Path file = Files.writeString(local.resolve("report.csv"), "a,b\n1,2\n");

        FileTransfer.upload(target, file, "reports/report.csv", TIMEOUT);

        List<String> hashes = sha256sums(endpoint.commandsRun());
        assertThat(hashes)
                .as("sha256sum commands the server ran for upload(report.csv, \"reports/report.csv\")")
                .hasSize(1);
        assertThat(hashes.get(0))
                .as("the sha256sum command: the temporary file next to reports/report.csv, single-quoted")
                .matches("sha256sum 'reports/\\.report\\.csv\\.part-[^'/]+'");
    }

    @Weight(3)
    @Test
    void theServerHashesTheDownloadedFile() throws IOException {
        Files.writeString(endpoint.root().resolve("report.csv"), "a,b\n1,2\n");

        FileTransfer.download(target, "report.csv", local.resolve("report.csv"), TIMEOUT);

        assertThat(sha256sums(endpoint.commandsRun()))
                .as("sha256sum commands the server ran for download(\"report.csv\")")
                .containsExactly("sha256sum 'report.csv'");
    }

    @Weight(3)
    @Test
    void aDamagedUploadIsRefusedAndTheDestinationKept() throws IOException {
        Files.createDirectories(endpoint.root().resolve("www"));
        Files.writeString(endpoint.root().resolve("www/index.html"), "the page that works");
        byte[] content = "the new page".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(local.resolve("index.html"), content);
        endpoint.corruptChecksums(true);

        Throwable thrown = catchThrowable(() -> FileTransfer.upload(target, file, "www/index.html", TIMEOUT));

        assertThat(thrown)
                .as("upload when the server's sha256sum reports another hash than the one sent")
                .isInstanceOf(SshFailure.class)
                .hasMessageContaining("checksum")
                .hasMessageContaining("www/index.html")
                .hasMessageContaining(sha256(content))
                .hasMessageContaining(corrupted(sha256(content)));
        assertThat(endpoint.root().resolve("www/index.html"))
                .as("www/index.html after the refused upload")
                .hasContent("the page that works");
        assertThat(filesIn(endpoint.root().resolve("www")))
                .as("files in www after the refused upload (the temporary file removed)")
                .containsExactly("index.html");
    }

    @Weight(3)
    @Test
    void aDamagedDownloadIsRefusedAndTheDestinationKept() throws IOException {
        byte[] content = "version 2".getBytes(StandardCharsets.UTF_8);
        Files.write(endpoint.root().resolve("VERSION"), content);
        Path file = Files.writeString(local.resolve("VERSION"), "version 1");
        endpoint.corruptChecksums(true);

        Throwable thrown = catchThrowable(() -> FileTransfer.download(target, "VERSION", file, TIMEOUT));

        assertThat(thrown)
                .as("download when the server's sha256sum reports another hash than the one received")
                .isInstanceOf(SshFailure.class)
                .hasMessageContaining("checksum")
                .hasMessageContaining("VERSION")
                .hasMessageContaining(sha256(content))
                .hasMessageContaining(corrupted(sha256(content)));
        assertThat(file).as("the local VERSION after the refused download").hasContent("version 1");
        assertThat(filesIn(local))
                .as("files in the local folder after the refused download (the temporary file removed)")
                .containsExactly("VERSION");
    }

    @Test
    void aServerWhoseHostKeyIsNotKnownIsRefusedAndNothingIsCopied() throws IOException {
        Path file = Files.writeString(local.resolve("secret.txt"), "for the right server only");
        Path empty = Files.writeString(folder.resolve("empty_known_hosts"), "");
        SshTarget unknown = TestTargets.withKnownHosts(target, empty);
        Files.writeString(endpoint.root().resolve("remote.txt"), "remote");

        assertThatThrownBy(() -> FileTransfer.upload(unknown, file, "secret.txt", TIMEOUT))
                .as("upload to a server whose host key is not in the known hosts")
                .isInstanceOf(SshFailure.class)
                .hasMessageContaining("known hosts");
        assertThatThrownBy(() -> FileTransfer.download(unknown, "remote.txt", local.resolve("remote.txt"), TIMEOUT))
                .as("download from a server whose host key is not in the known hosts")
                .isInstanceOf(SshFailure.class)
                .hasMessageContaining("known hosts");
        assertThat(filesIn(endpoint.root()))
                .as("files on the server afterwards")
                .containsExactly("remote.txt");
        assertThat(filesIn(local)).as("files in the local folder afterwards").containsExactly("secret.txt");
    }

    @Test
    void aMissingLocalFileIsNamedAndNothingIsCreated() {
        Path missing = local.resolve("missing.txt");

        assertThatThrownBy(() -> FileTransfer.upload(target, missing, "new/folder/missing.txt", TIMEOUT))
                .as("upload of a local file that does not exist")
                .isInstanceOf(SshFailure.class)
                .hasMessageContaining(missing.toString());
        assertThat(endpoint.root()).as("the server's root after it").isEmptyDirectory();
    }

    @Test
    void aMissingRemoteFileIsNamedAndNothingIsCreated() {
        assertThatThrownBy(() -> FileTransfer.download(target, "logs/app.log", local.resolve("app.log"), TIMEOUT))
                .as("download of a remote file that does not exist")
                .isInstanceOf(SshFailure.class)
                .hasMessageContaining("logs/app.log");
        assertThat(local).as("the local folder after it").isEmptyDirectory();
    }

    @Test
    void aDownloadIntoAMissingLocalFolderIsRefusedNamingIt() throws IOException {
        Files.writeString(endpoint.root().resolve("app.log"), "started");
        Path missingFolder = local.resolve("no-such-folder");

        assertThatThrownBy(() -> FileTransfer.download(target, "app.log", missingFolder.resolve("app.log"), TIMEOUT))
                .as("download into a local folder that does not exist")
                .isInstanceOf(SshFailure.class)
                .hasMessageContaining(missingFolder.toString());
        assertThat(missingFolder).as("the missing folder after it").doesNotExist();
    }

    @Weight(2)
    @Test
    void pathsWithSpacesNonAsciiLettersAndAQuoteTravelBothWays() throws IOException {
        String remote = "my files/ሰላም l'été.txt";
        byte[] content = "bonjour, selam\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(local.resolve("l'été ሰላም.txt"), content);

        FileTransfer.upload(target, file, remote, TIMEOUT);
        Path back = local.resolve("back again.txt");
        TransferResult result = FileTransfer.download(target, remote, back, TIMEOUT);

        assertThat(endpoint.root().resolve(remote))
                .as("the server's file after upload to \"%s\"", remote)
                .hasBinaryContent(content);
        assertThat(back).as("the file downloaded from \"%s\"", remote).hasBinaryContent(content);
        assertThat(result.sha256()).as("the hash of the download").isEqualTo(sha256(content));
        assertThat(endpoint.commandsRun())
                .as("the commands the server ran: the quote in the path written as '\\''")
                .contains("sha256sum 'my files/ሰላም l'\\''été.txt'");
    }

    @Test
    void aTimeoutOfOneMillisecondIsAllowed() throws IOException {
        Path file = Files.writeString(local.resolve("note.txt"), "hello\n");

        Throwable thrown = catchThrowable(() -> FileTransfer.upload(target, file, "note.txt", Duration.ofMillis(1)));

        assertThat(thrown)
                .as("upload with a timeout of 1 ms, the shortest allowed: it may time out, but it is not bad input")
                .isNotInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badInputIsRejectedNamingTheValue() throws IOException {
        Path file = Files.writeString(local.resolve("a.txt"), "a");

        assertThatThrownBy(() -> FileTransfer.upload(target, null, "a.txt", TIMEOUT))
                .as("upload(target, null, \"a.txt\", timeout)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> FileTransfer.upload(target, file, null, TIMEOUT))
                .as("upload(target, a.txt, null, timeout)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> FileTransfer.upload(target, file, "a\\b.txt", TIMEOUT))
                .as("upload(target, a.txt, \"a\\\\b.txt\", timeout)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a\\b.txt");
        assertThatThrownBy(() -> FileTransfer.download(target, "two\nlines.txt", file, TIMEOUT))
                .as("download(target, \"two\\nlines.txt\", a.txt, timeout)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two\nlines.txt");
        assertThatThrownBy(() -> FileTransfer.upload(target, file, " ", TIMEOUT))
                .as("upload(target, a.txt, \" \", timeout)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\" \"");
        assertThatThrownBy(() -> FileTransfer.download(target, null, file, TIMEOUT))
                .as("download(target, null, a.txt, timeout)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> FileTransfer.download(target, "a.txt", null, TIMEOUT))
                .as("download(target, \"a.txt\", null, timeout)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> FileTransfer.upload(target, file, "inbox/", TIMEOUT))
                .as("upload(target, a.txt, \"inbox/\", timeout), which names no file")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inbox/");
        assertThatThrownBy(() -> FileTransfer.upload(target, file, "*.txt", TIMEOUT))
                .as("upload(target, a.txt, \"*.txt\", timeout)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("*.txt");
        assertThatThrownBy(() -> FileTransfer.upload(target, file, "a.txt", Duration.ZERO))
                .as("upload with a timeout of zero")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT0S");
        assertThatThrownBy(() -> FileTransfer.download(target, "a.txt", file, Duration.ofNanos(999_999)))
                .as("download with a timeout under 1 ms")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT0.000999999S");
        assertThat(endpoint.root())
                .as("the server's root after the rejected calls")
                .isEmptyDirectory();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the fixture's sha256sum reports under corruptChecksums(true): the first byte flipped. */
    static String corrupted(String hash) {
        int first = Integer.parseInt(hash.substring(0, 2), 16) ^ 0xFF;
        return String.format("%02x", first) + hash.substring(2);
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** The names in {@code folder}, sorted, hidden ones too. */
    static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    static List<String> sha256sums(List<String> commands) {
        return commands.stream().filter(line -> line.startsWith("sha256sum")).toList();
    }
}

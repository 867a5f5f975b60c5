package io.prodev.labs.grader.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeUnzipTest {

    @TempDir
    Path dir;

    @Test
    void aFileThatIsNotAZipIsCalledABrokenZip() throws IOException {
        Path upload = Files.writeString(dir.resolve("alice.zip"), "<html>the upload failed</html>");

        assertThatThrownBy(() -> SafeUnzip.unzip(upload, dir.resolve("out"), new ArrayList<>()))
                .as("unpacking a .zip that holds an HTML page")
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("it is a broken zip: alice.zip does not start with a zip header");
    }

    @Test
    void aZipCutShortIsCalledABrokenZipToo() throws IOException {
        Path upload = Files.write(dir.resolve("bob.zip"), new byte[] {'P', 'K'});

        assertThatThrownBy(() -> SafeUnzip.unzip(upload, dir.resolve("out"), new ArrayList<>()))
                .as("unpacking a two-byte .zip")
                .isInstanceOf(IOException.class)
                .hasMessageContaining("broken zip");
    }

    @Test
    void unpacksAZipAndSkipsAnEntryThatPointsOutside() throws IOException {
        Path zip = dir.resolve("carol.zip");
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (String name : List.of("caching-lab/A.java", "../escaped.txt")) {
                out.putNextEntry(new ZipEntry(name));
                out.write("x".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        List<String> notes = new ArrayList<>();

        SafeUnzip.unzip(zip, dir.resolve("out"), notes);

        assertThat(dir.resolve("out/caching-lab/A.java"))
                .as("the unpacked entry")
                .hasContent("x");
        assertThat(dir.resolve("escaped.txt"))
                .as("the entry that pointed outside")
                .doesNotExist();
        assertThat(notes).containsExactly("zip entry '../escaped.txt' points outside the submission: ignored");
    }
}

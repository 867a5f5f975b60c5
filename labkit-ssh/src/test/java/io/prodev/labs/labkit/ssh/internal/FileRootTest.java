package io.prodev.labs.labkit.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class FileRootTest {

    @TempDir
    Path folder;

    private FileRoot root;

    @BeforeEach
    void aRoot() throws Exception {
        root = new FileRoot(Files.createDirectory(folder.resolve("root")));
    }

    @Test
    void aRelativeNameResolvesUnderTheRoot() {
        assertThat(root.resolve("a/b.txt")).isEqualTo(root.path().resolve("a").resolve("b.txt"));
    }

    @Test
    void anAbsoluteNameStartsFromTheRoot() {
        assertThat(root.resolve("/etc/passwd"))
                .isEqualTo(root.path().resolve("etc").resolve("passwd"));
    }

    @Test
    void dotDotStopsAtTheRoot() {
        assertThat(root.resolve("../../x")).isEqualTo(root.path().resolve("x"));
        assertThat(root.resolve("a/../../b/./c"))
                .isEqualTo(root.path().resolve("b").resolve("c"));
        assertThat(root.resolve("..\\..\\x"))
                .as("backslashes as separators")
                .isEqualTo(root.path().resolve("x"));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "symbolic links need a privilege there")
    void aSymbolicLinkOutOfTheRootIsNotThere() throws Exception {
        Path outside = Files.writeString(folder.resolve("secret.txt"), "outside");
        Files.createSymbolicLink(root.path().resolve("link"), outside);

        assertThatThrownBy(() -> root.existing("link"))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage("link");
    }

    @Test
    void anExistingFileIsFound() throws Exception {
        Path file = Files.writeString(root.path().resolve("here.txt"), "inside");

        assertThat(root.existing("/here.txt")).isEqualTo(file);
    }

    @Test
    void anEmptyNameIsRejected() {
        assertThatThrownBy(() -> root.resolve(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a file name must not be empty");
    }

    @Test
    void aRootThatIsNoFolderIsRejectedNamingIt() {
        Path missing = folder.resolve("missing");

        assertThatThrownBy(() -> new FileRoot(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
    }
}

package io.prodev.labs.grader.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabFoldersTest {

    @TempDir
    Path repo;

    @Test
    void aLabIsATopLevelFolderNamedStarLabWithALabJson() throws IOException {
        Files.createDirectories(repo.resolve("b-lab"));
        Files.writeString(repo.resolve("b-lab/lab.json"), "{}");
        Files.createDirectories(repo.resolve("a-lab"));
        Files.writeString(repo.resolve("a-lab/lab.json"), "{}");
        Files.createDirectories(repo.resolve("no-catalogue-lab"));
        Files.createDirectories(repo.resolve("labkit"));
        Files.writeString(repo.resolve("labkit/lab.json"), "{}");
        Files.writeString(repo.resolve("file-lab"), "not a folder");

        assertThat(LabFolders.labs(repo))
                .as("labs among a-lab, b-lab, no-catalogue-lab, labkit and a file")
                .containsExactly("a-lab", "b-lab");
    }

    @Test
    void theSuffixAloneIsNoLabName() {
        assertThat(LabFolders.hasLabName("redis-lab")).as("redis-lab").isTrue();
        assertThat(LabFolders.hasLabName("-lab")).as("-lab").isFalse();
        assertThat(LabFolders.hasLabName("labkit")).as("labkit").isFalse();
    }
}

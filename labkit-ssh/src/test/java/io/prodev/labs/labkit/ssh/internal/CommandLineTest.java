package io.prodev.labs.labkit.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineTest {

    @Test
    void splitsOnRunsOfWhitespace() {
        assertThat(CommandLine.split("  echo\ta   b\n")).containsExactly("echo", "a", "b");
    }

    @Test
    void singleQuotesKeepEverythingLiterally() {
        assertThat(CommandLine.split("echo 'a \"b\" \\n $X'")).containsExactly("echo", "a \"b\" \\n $X");
    }

    @Test
    void doubleQuotesTakeABackslashOnlyBeforeSpecialCharacters() {
        assertThat(CommandLine.split("echo \"a \\\"b\\\" \\\\ \\$X \\n\""))
                .containsExactly("echo", "a \"b\" \\ $X \\n");
    }

    @Test
    void aBackslashOutsideQuotesKeepsTheNextCharacter() {
        assertThat(CommandLine.split("cat my\\ file \\'x")).containsExactly("cat", "my file", "'x");
    }

    @Test
    void quotedPartsJoinTheWordAroundThem() {
        assertThat(CommandLine.split("echo a'b c'\"d\"e")).containsExactly("echo", "ab cde");
    }

    @Test
    void emptyQuotesAreAnEmptyWord() {
        assertThat(CommandLine.split("echo '' \"\"")).containsExactly("echo", "", "");
    }

    @Test
    void shellOperatorsAreOrdinaryCharacters() {
        assertThat(CommandLine.split("echo a|b; c > d $HOME *"))
                .containsExactly("echo", "a|b;", "c", ">", "d", "$HOME", "*");
    }

    @Test
    void aBlankLineHasNoWords() {
        assertThat(CommandLine.split(" \t ")).isEqualTo(List.of());
    }

    @ParameterizedTest(name = "{0} is rejected for its {1}")
    @CsvSource(
            delimiter = '|',
            value = {"echo 'open | unterminated single quote", "echo \"open | unterminated double quote"})
    void anUnterminatedQuoteIsRejectedNamingTheLine(String line, String problem) {
        assertThatThrownBy(() -> CommandLine.split(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(problem + " in: " + line);
    }
}

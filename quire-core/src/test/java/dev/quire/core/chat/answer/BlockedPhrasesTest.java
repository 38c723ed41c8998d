package dev.quire.core.chat.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BlockedPhrasesTest {
    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("exact", "tell me about Project Falcon", "project falcon", true),
                Arguments.of("case-insensitive", "PROJECT FALCON budget", "Project Falcon", true),
                Arguments.of("any whitespace between words", "project\n\t falcon", "project falcon", true),
                Arguments.of("punctuation around is a boundary", "(project falcon)!", "project falcon", true),
                Arguments.of("inside a longer word is not a match", "the classic approach", "ass", false),
                Arguments.of("prefix of a word is not a match", "project falconry", "project falcon", false),
                Arguments.of("suffix of a word is not a match", "subproject falcon", "project falcon", false),
                Arguments.of("underscore joins words", "project_falcon", "falcon", false),
                Arguments.of("words in another order", "falcon project", "project falcon", false),
                Arguments.of("unicode letters are word characters", "Zürichsee", "zürich", false),
                Arguments.of("unicode case", "ÜBER ZÜRICH", "über zürich", true),
                Arguments.of("accented letter is not a boundary", "cafés", "caf", false),
                Arguments.of("fullwidth letters are folded", "ＳＥＣＲＥＴ plan", "secret plan", true),
                Arguments.of("zero-width space inside is ignored", "sec\u200Bret plan", "secret plan", true),
                Arguments.of("non-breaking space between words", "secret\u00A0plan", "secret plan", true),
                Arguments.of("phrase with symbols", "we use c++ daily", "c++", true),
                Arguments.of("regex characters are literal", "costs a lot", "c.sts", false),
                Arguments.of("cjk phrase", "これは機密情報です", "機密情報", false),
                Arguments.of("cjk phrase standing alone", "これは 機密情報 です", "機密情報", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void matches(String name, String text, String phrase, boolean expected) {
        assertThat(BlockedPhrases.match(text, List.of(phrase))).isEqualTo(expected ? Optional.of(phrase) : Optional.empty());
    }

    @Test
    void returnsTheFirstConfiguredPhraseThatMatchesAsConfigured() {
        assertThat(BlockedPhrases.match("Salary bands and Project Falcon", List.of("layoffs", "Project FALCON", "salary bands")))
                .contains("Project FALCON");
    }

    @Test
    void blankOrMissingInputsNeverMatch() {
        assertThat(BlockedPhrases.match("anything at all", Arrays.asList("", "  ", null))).isEmpty();
        assertThat(BlockedPhrases.match("", List.of("x"))).isEmpty();
        assertThat(BlockedPhrases.match(null, List.of("x"))).isEmpty();
        assertThat(BlockedPhrases.match("x", null)).isEmpty();
        assertThat(BlockedPhrases.match("x", List.of())).isEmpty();
    }
}

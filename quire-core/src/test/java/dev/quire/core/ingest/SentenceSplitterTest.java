package dev.quire.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SentenceSplitterTest {
    private final SentenceSplitter splitter = new SentenceSplitter();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("plain sentences", "The team meets on Tuesday. Mary leads it! Who takes notes?",
                        List.of("The team meets on Tuesday.", "Mary leads it!", "Who takes notes?")),
                Arguments.of("titles", "Mr. Doe and Dr. Rivera met Mrs. Major. They agreed.",
                        List.of("Mr. Doe and Dr. Rivera met Mrs. Major.", "They agreed.")),
                Arguments.of("latin abbreviations", "Bring a device, e.g. a laptop, i.e. something portable. Then log in.",
                        List.of("Bring a device, e.g. a laptop, i.e. something portable.", "Then log in.")),
                Arguments.of("e.g. before a capital", "Use a browser, e.g. Firefox or Chrome. Then sign in.",
                        List.of("Use a browser, e.g. Firefox or Chrome.", "Then sign in.")),
                Arguments.of("dotted initialism", "Our U.S. office opened in 2020. It has 40 people.",
                        List.of("Our U.S. office opened in 2020.", "It has 40 people.")),
                Arguments.of("initial in a name", "John F. Kennedy spoke. Everyone listened.",
                        List.of("John F. Kennedy spoke.", "Everyone listened.")),
                Arguments.of("decimals and versions", "Version 3.5 costs $2.50 per seat. Upgrade to v1.2.3 now.",
                        List.of("Version 3.5 costs $2.50 per seat.", "Upgrade to v1.2.3 now.")),
                Arguments.of("urls", "See https://wiki.acme.example/team?id=3.2 for details. Ask Mary at mary@acme.example. Thanks.",
                        List.of("See https://wiki.acme.example/team?id=3.2 for details.", "Ask Mary at mary@acme.example.",
                                "Thanks.")),
                Arguments.of("quotes after the period", "She said \"we ship Friday.\" Nobody objected.",
                        List.of("She said \"we ship Friday.\"", "Nobody objected.")),
                Arguments.of("lowercase after a period is not a new sentence", "It costs approx. ten dollars. OK.",
                        List.of("It costs approx. ten dollars.", "OK.")),
                Arguments.of("bulleted list", "Team members:\n- Mary Major\n- Martha Rivera\n- John Doe",
                        List.of("Team members:", "- Mary Major", "- Martha Rivera", "- John Doe")),
                Arguments.of("numbered list", "Steps:\n1. Install the app\n2. Sign in\n3. Ask a question",
                        List.of("Steps:", "1. Install the app", "2. Sign in", "3. Ask a question")),
                Arguments.of("lines without punctuation", "Overview\nThe ACME project builds rockets\nStatus\nOn track",
                        List.of("Overview", "The ACME project builds rockets", "Status", "On track")),
                Arguments.of("wrapped prose stays one sentence", "The onboarding checklist covers the\nlaptop, the badge and\nthe handbook.",
                        List.of("The onboarding checklist covers the\nlaptop, the badge and\nthe handbook.")),
                Arguments.of("blank line ends a paragraph", "First paragraph without stop\n\nSecond one",
                        List.of("First paragraph without stop", "Second one")),
                Arguments.of("list of names in one sentence", "Team members: Mary Major, Martha Rivera, John Doe",
                        List.of("Team members: Mary Major, Martha Rivera, John Doe")),
                Arguments.of("ellipsis", "Wait... What happened? Nothing…",
                        List.of("Wait...", "What happened?", "Nothing…")),
                Arguments.of("unicode", "Zoë Ångström leads the Zürich office. Ünal joins her. 東京は晴れです。大阪は雨です。",
                        List.of("Zoë Ångström leads the Zürich office.", "Ünal joins her.", "東京は晴れです。", "大阪は雨です。")),
                Arguments.of("empty", "", List.of()),
                Arguments.of("whitespace only", " \n\t \n", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splits(String name, String text, List<String> expected) {
        List<Sentence> sentences = splitter.split(text);
        assertThat(sentences).extracting(Sentence::text).containsExactlyElementsOf(expected);
        for (Sentence sentence : sentences) {
            assertThat(text.substring(sentence.begin(), sentence.end())).isEqualTo(sentence.text());
        }
    }

    @Test
    void offsetsAreOrderedAndCoverEveryNonBlankCharacter() {
        String text = "  Dr. Major arrived.\n\n- item one\n- item two\nDone. ";
        List<Sentence> sentences = splitter.split(text);
        StringBuilder covered = new StringBuilder();
        int previousEnd = 0;
        for (Sentence sentence : sentences) {
            assertThat(sentence.begin()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(text.substring(previousEnd, sentence.begin())).isBlank();
            covered.append(sentence.text());
            previousEnd = sentence.end();
        }
        assertThat(text.substring(previousEnd)).isBlank();
        assertThat(covered.toString().replaceAll("\\s", "")).isEqualTo(text.replaceAll("\\s", ""));
    }
}

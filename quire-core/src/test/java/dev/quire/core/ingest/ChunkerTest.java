package dev.quire.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.spi.extract.ExtractedText;
import dev.quire.spi.extract.ExtractedText.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ChunkerTest {
    private static final String TEAM = "Team members: Mary Major, Martha Rivera, John Doe";

    private static ExtractedText doc(Section... sections) {
        return new ExtractedText("ACME project", List.of(sections));
    }

    private static Section section(String text, String... headings) {
        return new Section(List.of(headings), text);
    }

    /** Numbered sentences of about 60 characters each. */
    private static String sentences(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> "Sentence number " + i + " describes the ACME rocket program well.")
                .collect(Collectors.joining(" "));
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("short section is one chunk", doc(section(TEAM, "Team")), 1200,
                        List.of(TEAM)),
                Arguments.of("empty and blank sections give nothing", doc(section("", "A"), section(" \n ", "B"),
                        section(TEAM, "Team")), 1200, List.of(TEAM)),
                Arguments.of("sections never share a chunk", doc(section("Mary leads.", "Team"),
                        section("Launch is in May.", "Schedule")), 1200, List.of("Mary leads.", "Launch is in May.")),
                Arguments.of("overlap of one sentence", doc(section("Aaaa aaaa aaaa. Bbbb bbbb bbbb. Cccc cccc cccc. Dddd dddd dddd.")),
                        40, List.of("Aaaa aaaa aaaa. Bbbb bbbb bbbb.", "Bbbb bbbb bbbb. Cccc cccc cccc.",
                                "Cccc cccc cccc. Dddd dddd dddd.")),
                Arguments.of("unicode kept intact", doc(section("Zoë Ångström leads Zürich. 東京は晴れです。", "Équipe")),
                        1200, List.of("Zoë Ångström leads Zürich. 東京は晴れです。")),
                Arguments.of("list kept verbatim", doc(section("Team members:\n- Mary Major\n- Martha Rivera\n- John Doe")),
                        1200, List.of("Team members:\n- Mary Major\n- Martha Rivera\n- John Doe")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void chunks(String name, ExtractedText text, int maxChars, List<String> expected) {
        List<Chunk> chunks = new Chunker(maxChars, 1).chunk(text, null);
        assertThat(chunks).extracting(Chunk::text).containsExactlyElementsOf(expected);
        assertThat(chunks).extracting(Chunk::ordinal)
                .containsExactlyElementsOf(IntStream.range(0, expected.size()).boxed().toList());
    }

    @Test
    void longSectionIsCutAtSentencesWithinTheLimitAndOverlaps() {
        String body = sentences(60);
        List<Chunk> chunks = new Chunker().chunk(doc(section(body, "Program", "Details")), "ACME handbook");
        assertThat(chunks).hasSizeGreaterThan(2);
        List<Sentence> all = new SentenceSplitter().split(body);
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            assertThat(chunk.text().length()).isLessThanOrEqualTo(Chunker.DEFAULT_MAX_CHARS);
            assertThat(body).contains(chunk.text());
            assertThat(chunk.text()).startsWith("Sentence number ").endsWith("well.");
            assertThat(chunk.title()).isEqualTo("ACME handbook");
            assertThat(chunk.sectionPath()).containsExactly("Program", "Details");
            if (i < chunks.size() - 1) { // the tail holds whatever is left
                assertThat(chunk.text().split("\\s+").length).isBetween(120, 300);
            }
            if (i > 0) {
                List<Sentence> previous = new SentenceSplitter().split(chunks.get(i - 1).text());
                assertThat(chunk.text()).startsWith(previous.get(previous.size() - 1).text());
            }
        }
        // every sentence of the section is in some chunk
        for (Sentence sentence : all) {
            assertThat(chunks).anyMatch(c -> c.text().contains(sentence.text()));
        }
    }

    @Test
    void hugeSingleSentenceIsCutAtWhitespace() {
        String huge = IntStream.range(0, 400).mapToObj(i -> "word" + i).collect(Collectors.joining(" ")) + ".";
        List<Chunk> chunks = new Chunker(300, 1).chunk(doc(section("Intro. " + huge + " Outro.")), null);
        assertThat(chunks).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(300));
        String rejoined = chunks.stream().map(Chunk::text).collect(Collectors.joining(" "));
        for (int i = 0; i < 400; i++) {
            assertThat(rejoined).containsPattern("\\bword" + i + "\\b"); // no word was cut in half
        }
        assertThat(rejoined).contains("Intro.").contains("Outro.");
    }

    @Test
    void tokenWithoutWhitespaceIsCutHardWithoutSplittingSurrogates() {
        String token = "😀".repeat(100); // 200 chars, no whitespace
        List<Chunk> chunks = new Chunker(45, 0).chunk(doc(section(token)), null);
        assertThat(String.join("", chunks.stream().map(Chunk::text).toList())).isEqualTo(token);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.text().length()).isLessThanOrEqualTo(45);
            assertThat(Character.isLowSurrogate(c.text().charAt(0))).isFalse();
        });
    }

    @Test
    void searchTextCarriesTitleAndHeadingsButTextStaysVerbatim() {
        Chunk chunk = new Chunker().chunk(doc(section("Mary Major, Martha Rivera, John Doe", "ACME project", "Team")),
                null).get(0);
        assertThat(chunk.text()).isEqualTo("Mary Major, Martha Rivera, John Doe");
        assertThat(chunk.heading()).isEqualTo("ACME project > Team"); // first heading repeats the title
        assertThat(chunk.searchText()).isEqualTo("ACME project > Team\nMary Major, Martha Rivera, John Doe");
        Chunk untitled = new Chunker().chunk(new ExtractedText(null, List.of(section("Hello there."))), " ").get(0);
        assertThat(untitled.title()).isEmpty();
        assertThat(untitled.searchText()).isEqualTo("Hello there.");
    }

    @Test
    void documentTitleWinsOverExtractedTitle() {
        assertThat(new Chunker().chunk(doc(section(TEAM)), "Team page").get(0).title()).isEqualTo("Team page");
        assertThat(new Chunker().chunk(doc(section(TEAM)), null).get(0).title()).isEqualTo("ACME project");
    }

    @Test
    void ordinalsRunAcrossSections() {
        List<Chunk> chunks = new Chunker(200, 1).chunk(doc(section(sentences(8), "A"), section(sentences(8), "B")), null);
        assertThat(chunks).extracting(Chunk::ordinal)
                .containsExactlyElementsOf(IntStream.range(0, chunks.size()).boxed().toList());
        assertThat(chunks.stream().map(c -> c.sectionPath().get(0)).distinct()).containsExactly("A", "B");
    }

    @Test
    void isDeterministic() {
        ExtractedText text = doc(section(sentences(40) + "\n- Mary Major\n- John Doe", "X"), section(TEAM, "Y"));
        List<List<Chunk>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(new Chunker().chunk(text, "T"));
        }
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
        assertThat(runs.get(2)).isEqualTo(runs.get(0));
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new Chunker(10, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Chunker(1200, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}

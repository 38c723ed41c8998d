package dev.quire.core.chat.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streamed answer's guard, attacked with blocked phrases split across pieces. Every test that
 * expects a block also checks that the text before the phrase was released and that no byte of
 * the phrase was: a guard that passed pieces straight through would fail all of them.
 */
class BlockedPhraseGuardTest {
    static final List<String> PHRASES = List.of("project falcon", "c++", "ass");

    /** What the listener saw. */
    static final class Seen {
        final StringBuilder text = new StringBuilder();
        int blocks;

        BlockedPhraseGuard guard(List<String> phrases) {
            return new BlockedPhraseGuard(phrases, text::append, () -> blocks++);
        }
    }

    static Stream<Arguments> splitPhrases() {
        String before = "The plan for next year is called ";
        String after = " and it starts in May, according to the roadmap.";
        return Stream.of(
                Arguments.of("two pieces", List.of(before + "Project Fal", "con" + after)),
                Arguments.of("three pieces", List.of(before + "Proj", "ect Fal", "con" + after)),
                Arguments.of("between the words", List.of(before + "project", " ", "falcon" + after)),
                Arguments.of("one character a piece", chars(before + "project falcon" + after)),
                Arguments.of("upper case", List.of(before + "PROJECT F", "ALCON" + after)),
                Arguments.of("many spaces and a newline", List.of(before + "project  ", "\n\t ", "  falcon" + after)),
                Arguments.of("fullwidth letters", List.of(before + "ＰＲＯＪＥＣＴ ", "ＦＡＬＣＯＮ" + after)),
                Arguments.of("zero-width space inside a word", List.of(before + "project fal\u200B", "con" + after)),
                Arguments.of("non-breaking space between words", List.of(before + "project\u00A0", "falcon" + after)),
                Arguments.of("phrase ending in symbols", List.of(before + "c+", "+" + after)),
                Arguments.of("at the very end", List.of(before + "project ", "falcon")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splitPhrases")
    void aSplitPhraseNeverReachesTheListener(String name, List<String> pieces) {
        Seen seen = new Seen();
        BlockedPhraseGuard guard = seen.guard(PHRASES);
        pieces.forEach(guard::accept);
        boolean blocked = guard.finish(String.join("", pieces));

        assertThat(blocked).isTrue();
        assertThat(seen.blocks).isEqualTo(1);
        assertThat(BlockedPhrases.match(seen.text.toString(), PHRASES)).isEmpty();
        assertThat(seen.text.toString()).doesNotContainIgnoringCase("project").doesNotContain("+")
                .doesNotContain("ＰＲＯ").doesNotContain("May");
        assertThat(seen.text.toString()).startsWith("The plan for ");
    }

    @Test
    void nothingAfterACertainPhraseIsReleasedEvenBeforeTheEnd() {
        Seen seen = new Seen();
        BlockedPhraseGuard guard = seen.guard(PHRASES);
        guard.accept("Ask about the plan for next year. ");
        guard.accept("Ask about Project Falcon ");
        guard.accept("and then about many other harmless things that follow it for a long while. ");
        assertThat(seen.blocks).as("blocked as soon as the phrase is certain, before the end").isEqualTo(1);
        assertThat(guard.blocked()).isTrue();
        guard.accept("More text still arrives from the model and goes nowhere. ");
        assertThat(guard.finish("whatever")).isTrue();
        assertThat(seen.blocks).isEqualTo(1);
        assertThat(seen.text.toString()).startsWith("Ask about").doesNotContain("Falcon").doesNotContain("harmless");
    }

    @Test
    void wordsThatOnlyStartLikeAPhraseAreReleasedWhole() {
        Seen seen = new Seen();
        BlockedPhraseGuard guard = seen.guard(PHRASES);
        List<String> pieces = List.of("I ass", "ume the class", "ic project fal", "conry team will ", "pass.");
        pieces.forEach(guard::accept);
        assertThat(guard.finish(String.join("", pieces))).isFalse();
        assertThat(seen.blocks).isZero();
        assertThat(seen.text.toString()).isEqualTo("I assume the classic project falconry team will pass.");
    }

    @Test
    void textIsReleasedProgressivelyNotOnlyAtTheEnd() {
        Seen seen = new Seen();
        BlockedPhraseGuard guard = seen.guard(PHRASES);
        for (String word : "Submit receipts within thirty days of travel and file them in the expense tool".split(" ")) {
            guard.accept(word + " ");
        }
        assertThat(seen.text.toString()).startsWith("Submit receipts within thirty days of travel");
        assertThat(seen.text.length()).isLessThan(80);
    }

    @Test
    void withoutPhrasesEveryPieceIsReleasedAtOnce() {
        Seen seen = new Seen();
        BlockedPhraseGuard guard = seen.guard(List.of());
        guard.accept("Proj");
        assertThat(seen.text.toString()).isEqualTo("Proj");
    }

    /**
     * Random answers with a phrase variant inserted at a known place, split at random: nothing at
     * or after that place is ever released, everything before the phrase's span is, and the
     * decision at the end is exactly BlockedPhrases.match on the whole answer.
     */
    @Test
    void randomSplitsNeverReleaseAnyPartOfAPhrase() {
        Random r = new Random(20261127L);
        String[] words = {"the", "plan", "falcon", "project", "class", "team", "c", "as", "pass", "of", "and"};
        String[] variants = {"project falcon", "PROJECT FALCON", "Project\n falcon", "project\u00A0falcon",
                "pro\u200Bject falcon", "ｐｒｏｊｅｃｔ falcon", "c++", "ASS"};
        for (int trial = 0; trial < 3_000; trial++) {
            StringBuilder answer = new StringBuilder();
            for (int w = r.nextInt(12); w > 0; w--) {
                answer.append(words[r.nextInt(words.length)]).append(r.nextInt(5) == 0 ? ", " : " ");
            }
            int at = -1;
            if (r.nextBoolean()) {
                at = answer.length();
                answer.append(variants[r.nextInt(variants.length)]).append(r.nextBoolean() ? "." : " ");
            }
            for (int w = r.nextInt(8); w > 0; w--) {
                answer.append(words[r.nextInt(words.length)]).append(' ');
            }
            String whole = answer.toString();
            Seen seen = new Seen();
            BlockedPhraseGuard guard = seen.guard(PHRASES);
            for (String piece : randomSplit(whole, r)) {
                guard.accept(piece);
            }
            boolean blocked = guard.finish(whole);
            boolean expected = BlockedPhrases.match(whole, PHRASES).isPresent();
            assertThat(blocked).as(whole).isEqualTo(expected);
            assertThat(BlockedPhrases.match(seen.text.toString(), PHRASES)).as(whole).isEmpty();
            if (!blocked) {
                assertThat(seen.text.toString()).isEqualTo(whole);
            } else if (at >= 0 && BlockedPhrases.match(whole.substring(0, at), PHRASES).isEmpty()) {
                assertThat(seen.text.length()).as(whole).isLessThanOrEqualTo(at);
            }
        }
    }

    private static List<String> randomSplit(String s, Random r) {
        List<String> pieces = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int end = Math.min(s.length(), i + 1 + r.nextInt(6));
            pieces.add(s.substring(i, end));
            i = end;
        }
        return pieces;
    }

    private static List<String> chars(String s) {
        return s.chars().mapToObj(c -> String.valueOf((char) c)).toList();
    }
}

package dev.quire.core.chat.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.spi.answer.Answer;
import dev.quire.spi.answer.AnswerRequest;
import dev.quire.spi.answer.Citation;
import dev.quire.spi.answer.SourcePassage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Random passages and questions (seeded, so failures replay): citations are never invented. */
class ExtractiveAnswererPropertyTest {
    private static final String[] WORDS = {"ACME", "project", "team", "members", "Mary", "Major", "Martha", "Rivera",
        "budget", "launch", "rocket", "Zürich", "naïve", "東京", "e.g.", "Dr.", "U.S.", "3.5", "https://x.example/a.b",
        "policy", "vacation", "laptop", "the", "is", "are", "and", "who", "meets", "Tuesday", "émoji😀"};
    private static final String[] ENDS = {". ", "! ", "? ", "\n", "\n\n", ":\n- ", "\n- ", "; ", " ", "。"};

    @Test
    void everyCitationQuotesItsPassageVerbatimAndNamesAnOfferedPassage() {
        ExtractiveAnswerer answerer = new ExtractiveAnswerer();
        Random random = new Random(20240611L);
        int grounded = 0;
        for (int run = 0; run < 500; run++) {
            List<SourcePassage> passages = new ArrayList<>();
            int count = random.nextInt(6);
            for (int p = 0; p < count; p++) {
                passages.add(new SourcePassage(1 + random.nextInt(20), "d" + p, phrase(random, 3, ""),
                        phrase(random, 60, null), "u" + p));
            }
            passages = dedupeNumbers(passages);
            AnswerRequest request = new AnswerRequest(phrase(random, 6, "") + "?", List.of(), passages, random.nextBoolean());
            Answer answer = answerer.generate(request);
            Map<Integer, SourcePassage> byNumber = passages.stream()
                    .collect(Collectors.toMap(SourcePassage::citationNumber, Function.identity()));

            assertThat(answer.grounded()).isEqualTo(!answer.citations().isEmpty());
            int previousEnd = 0;
            for (Citation citation : answer.citations()) {
                assertThat(byNumber).containsKey(citation.citationNumber());
                assertThat(byNumber.get(citation.citationNumber()).text()).contains(citation.snippetExcerpt());
                assertThat(citation.beginOffset()).isGreaterThanOrEqualTo(previousEnd);
                assertThat(answer.text().substring(citation.beginOffset(), citation.endOffset()))
                        .isEqualTo(citation.snippetExcerpt());
                assertThat(answer.text().substring(citation.endOffset()))
                        .startsWith(" [" + citation.citationNumber() + "]");
                previousEnd = citation.endOffset();
            }
            grounded += answer.grounded() ? 1 : 0;
        }
        assertThat(grounded).as("the generator should find support in some runs").isGreaterThan(25);
    }

    private static List<SourcePassage> dedupeNumbers(List<SourcePassage> passages) {
        List<SourcePassage> unique = new ArrayList<>();
        for (SourcePassage passage : passages) {
            if (unique.stream().noneMatch(u -> u.citationNumber() == passage.citationNumber())) {
                unique.add(passage);
            }
        }
        return unique;
    }

    /** {@code words} random words; separators random sentence ends unless {@code separator} is given. */
    private static String phrase(Random random, int words, String separator) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]);
            text.append(separator != null ? " " : random.nextInt(4) == 0 ? ENDS[random.nextInt(ENDS.length)] : " ");
        }
        return text.toString().strip();
    }
}

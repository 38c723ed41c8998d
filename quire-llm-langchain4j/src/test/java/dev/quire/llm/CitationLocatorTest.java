package dev.quire.llm;

import dev.quire.spi.answer.Citation;
import dev.quire.spi.answer.SourcePassage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CitationLocatorTest {
    private static final Map<Integer, SourcePassage> PASSAGES = Map.of(
            1, Fixtures.TRAVEL, 2, Fixtures.EXPENSES);

    private static String span(String text, Citation c) {
        return text.substring(c.beginOffset(), c.endOffset());
    }

    @Test
    void spanIsTheSentenceBeforeTheMarkerWhereverThePeriodIs() {
        String text = "Economy is the rule. Business class is allowed on long flights [1]. Managers approve. [2]";
        List<Citation> citations = CitationLocator.locate(text, PASSAGES);

        assertThat(citations).hasSize(2);
        assertThat(span(text, citations.get(0))).isEqualTo("Business class is allowed on long flights");
        assertThat(span(text, citations.get(1))).isEqualTo("Managers approve.");
    }

    @Test
    void adjacentMarkersShareTheirSentence() {
        String text = "Book business class and file the expense [1][2].";
        List<Citation> citations = CitationLocator.locate(text, PASSAGES);

        assertThat(citations).extracting(Citation::citationNumber).containsExactly(1, 2);
        assertThat(citations).allSatisfy(c -> assertThat(span(text, c)).isEqualTo("Book business class and file the expense"));
    }

    @Test
    void sentencesWithoutPeriodsEndAtThePreviousMarker() {
        String text = "flights over six hours [1] approvals weekly [2]";
        List<Citation> citations = CitationLocator.locate(text, PASSAGES);

        assertThat(span(text, citations.get(1))).isEqualTo("approvals weekly");
    }

    @Test
    void excerptIsTheBestMatchingPassageSentenceOrThePassageStart() {
        assertThat(CitationLocator.bestExcerpt(Fixtures.TRAVEL.text(), "Submit receipts within 30 days"))
                .isEqualTo("Receipts must be submitted within 30 days.");
        assertThat(CitationLocator.bestExcerpt(Fixtures.TRAVEL.text(), "Unrelated words entirely"))
                .startsWith("Employees may book economy class");
    }

    @Test
    void aLeadingMarkerPointsAtItself() {
        String text = "[1] Business class on long flights.";
        Citation c = CitationLocator.locate(text, PASSAGES).get(0);
        assertThat(span(text, c)).isEqualTo("[1]");
    }
}

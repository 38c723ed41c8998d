package dev.quire.llm;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CitationMarkerFilterTest {

    private static String filterWhole(String text, Set<Integer> offered) {
        StringBuilder out = new StringBuilder();
        CitationMarkerFilter filter = new CitationMarkerFilter(offered, out::append);
        filter.accept(text);
        filter.finish();
        return out.toString();
    }

    @Test
    void keepsOfferedMarkersAndDropsOthersWithTheirLeadingSpace() {
        CitationMarkerFilter filter = new CitationMarkerFilter(Set.of(1, 2), s -> { });
        filter.accept("A [1]. B [7]. C [2][9].");
        filter.finish();
        assertThat(filterWhole("A [1]. B [7]. C [2][9].", Set.of(1, 2))).isEqualTo("A [1]. B. C [2].");
        assertThat(filter.droppedNumbers()).containsExactly(7, 9);
        assertThat(filter.validCitationSeen()).isTrue();
    }

    @Test
    void splitsListsKeepingOnlyOfferedNumbers() {
        assertThat(filterWhole("Both [1, 7, 2].", Set.of(1, 2))).isEqualTo("Both [1][2].");
        assertThat(filterWhole("None [0, 7].", Set.of(1, 2))).isEqualTo("None.");
    }

    @Test
    void onlyUnofferedMarkersMeansNoValidCitation() {
        CitationMarkerFilter filter = new CitationMarkerFilter(Set.of(1), s -> { });
        filter.accept("Invented fact [4].");
        filter.finish();
        assertThat(filter.validCitationSeen()).isFalse();
    }

    @Test
    void leavesBracketsThatAreNotMarkersAlone() {
        assertThat(filterWhole("See [the guide](https://x) and a[i] or [] or [1", Set.of(1)))
                .isEqualTo("See [the guide](https://x) and a[i] or [] or [1");
    }

    @Test
    void streamedOneCharacterAtATimeGivesTheSameText() {
        String model = "  Flights over six hours [1]. Receipts [7] within 30 days [2].  ";
        StringBuilder out = new StringBuilder();
        List<String> emissions = new ArrayList<>();
        CitationMarkerFilter filter = new CitationMarkerFilter(Set.of(1, 2), s -> {
            out.append(s);
            emissions.add(s);
        });
        for (char c : model.toCharArray()) {
            filter.accept(String.valueOf(c));
        }
        filter.finish();
        assertThat(out.toString()).isEqualTo(filterWhole(model, Set.of(1, 2)))
                .isEqualTo("Flights over six hours [1]. Receipts within 30 days [2].");
        assertThat(emissions).noneMatch(s -> s.contains("7"));
    }
}

package dev.quire.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class RankFusionTest {
    @Test
    void agreementBetweenListsBeatsOneFirstPlace() {
        var fused = RankFusion.fuse(10, List.of("a", "b", "c"), List.of("d", "b", "a"));
        // d is first in one list only; b is second in both and outranks it.
        assertThat(fused).extracting(RankFusion.Fused::key).containsExactly("a", "b", "d", "c");
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 61 + 1.0 / 63, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(2.0 / 62, within(1e-12));
        assertThat(fused.get(2).score()).isCloseTo(1.0 / 61, within(1e-12));
    }

    @Test
    void tiesKeepFirstAppearanceAndLimitApplies() {
        var fused = RankFusion.fuse(2, List.of("x", "y"), List.of("z"));
        assertThat(fused).extracting(RankFusion.Fused::key).containsExactly("x", "z");
        assertThat(RankFusion.fuse(5, List.<String>of(), List.of())).isEmpty();
    }
}

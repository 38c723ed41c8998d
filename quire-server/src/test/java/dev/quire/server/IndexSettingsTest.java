package dev.quire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.index.lucene.LuceneSearchIndex;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexSettingsTest {
    @Test
    void compactsAfterAMinuteOfIdleUnlessToldOtherwise() {
        assertThat(IndexSettings.compactAfterIdle(Map.of())).isEqualTo(LuceneSearchIndex.DEFAULT_COMPACT_AFTER_IDLE)
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(IndexSettings.compactAfterIdle(Map.of(IndexSettings.COMPACT_AFTER_IDLE, " 300 ")))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(IndexSettings.compactAfterIdle(Map.of(IndexSettings.COMPACT_AFTER_IDLE, "0"))).isNull();
    }

    @Test
    void aValueThatIsNotWholeSecondsStopsTheStartNamingTheVariable() {
        for (String bad : new String[] {"-1", "1.5", "soon"}) {
            assertThatThrownBy(() -> IndexSettings.compactAfterIdle(Map.of(IndexSettings.COMPACT_AFTER_IDLE, bad)))
                    .hasMessageContaining(IndexSettings.COMPACT_AFTER_IDLE).hasMessageContaining(bad);
        }
    }
}

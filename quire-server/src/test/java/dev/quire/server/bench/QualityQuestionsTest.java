package dev.quire.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.spi.search.AclTerms;
import dev.quire.spi.search.ChunkHit;
import dev.quire.spi.search.IndexedChunk;
import dev.quire.spi.search.SearchRequest.Mode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QualityQuestionsTest {
    @Test
    void everyQuestionHasAnAnsweringPageInTheSubset() {
        List<String> all = QualityQuestions.files(Integer.MAX_VALUE);
        assertThat(QualityQuestions.questions()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(QualityQuestions.questions()).allSatisfy(q -> assertThat(all).containsAll(q.answers()));
        assertThat(all).doesNotHaveDuplicates().hasSizeGreaterThan(QualityQuestions.questions().size());
        assertThat(QualityQuestions.files(5)).hasSize(5).isEqualTo(all.subList(0, 5));
    }

    @Test
    void rankIsThatOfTheFirstChunkOfAnyAnsweringPage() {
        List<ChunkHit> hits = List.of(hit("library/os.html"), hit("library/os.html"), hit("library/shutil.html"),
                hit("library/pathlib.html"));
        assertThat(RetrievalQuality.rankOfFirstAnswer(hits, Set.of("library/pathlib.html", "library/shutil.html")))
                .isEqualTo(3);
        assertThat(RetrievalQuality.rankOfFirstAnswer(hits, Set.of("library/csv.html"))).isZero();
    }

    @Test
    void recallAtFiveAndMrrCountMissesAsZero() {
        RetrievalQuality.Score s = RetrievalQuality.score(Mode.HYBRID, new int[] {1, 2, 6, 0});
        assertThat(s.questions()).isEqualTo(4);
        assertThat(s.recallAt5()).isEqualTo(0.5);
        assertThat(s.mrr()).isEqualTo((1 + 0.5 + 1.0 / 6) / 4);
    }

    @Test
    void ingestPagesAreDeterministicAndAboutTheAskedLength() {
        List<byte[]> a = IngestThroughput.pages(3, 1_500, new Random(7));
        List<byte[]> b = IngestThroughput.pages(3, 1_500, new Random(7));
        assertThat(a).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(a.get(i)).isEqualTo(b.get(i));
            String text = new String(a.get(i), StandardCharsets.UTF_8);
            assertThat(text.split("\\s+").length).isBetween(1_500, 1_600);
            assertThat(text).startsWith("# Handbook page " + i).contains("\n## ");
        }
    }

    private static ChunkHit hit(String documentId) {
        return new ChunkHit(new IndexedChunk("app", "index", documentId, documentId + "#0", 0, "t", List.of(),
                "text", null, null, Map.of(), null, AclTerms.everyone(), Instant.EPOCH), 1.0);
    }
}

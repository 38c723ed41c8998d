package dev.quire.index.lucene;

import static dev.quire.index.lucene.TestChunks.allow;
import static dev.quire.index.lucene.TestChunks.chunk;
import static dev.quire.index.lucene.TestChunks.chunkIds;
import static dev.quire.index.lucene.TestChunks.request;
import static dev.quire.index.lucene.TestChunks.vec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.spi.search.SearchRequest.Mode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link IdleCompaction}: one segment once writes pause, and nothing a user may not read comes back. */
class IdleCompactionTest {
    static final Duration IDLE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    final AtomicLong now = new AtomicLong(1_000_000_000L);

    LuceneSearchIndex open() throws Exception {
        return LuceneSearchIndex.openWithManualCompaction(dir, IDLE, now::get);
    }

    /** Each write is committed on its own, so each leaves a segment. */
    static void writeDocuments(LuceneSearchIndex index, int count) {
        for (int d = 0; d < count; d++) {
            index.replaceDocument(TestChunks.APP, TestChunks.INDEX, "doc-" + d, List.of(chunk("doc-" + d, 0,
                    "quarterly report number " + d, vec(1, d, 0.5f), allow("group:team-" + (d % 2)))));
        }
    }

    @Test
    void mergesIntoOneSegmentOnlyOnceWritesHavePausedForTheIdlePeriod() throws Exception {
        try (LuceneSearchIndex index = open()) {
            writeDocuments(index, 6);
            int before = index.segmentCount();
            assertThat(before).isGreaterThan(1);

            now.addAndGet(IDLE.toNanos() - 1);
            assertThat(index.compactIfIdleForTests()).isFalse();
            assertThat(index.segmentCount()).isEqualTo(before);

            now.addAndGet(1);
            assertThat(index.compactIfIdleForTests()).isTrue();
            assertThat(index.segmentCount()).isEqualTo(1);
            assertThat(index.compactIfIdleForTests()).as("one segment: nothing left to do").isFalse();
        }
    }

    @Test
    void aWriteRestartsTheIdlePeriod() throws Exception {
        try (LuceneSearchIndex index = open()) {
            writeDocuments(index, 4);
            now.addAndGet(IDLE.toNanos());
            writeDocuments(index, 1); // a write at the very end of the idle period
            assertThat(index.compactIfIdleForTests()).isFalse();
            now.addAndGet(IDLE.toNanos());
            assertThat(index.compactIfIdleForTests()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void compactionNeitherResurrectsReplacedChunksNorWidensAnyAcl(Mode mode) throws Exception {
        try (LuceneSearchIndex index = open()) {
            writeDocuments(index, 6);
            // doc-0 was readable by team-0; its new version is readable by team-1 only.
            index.replaceDocument(TestChunks.APP, TestChunks.INDEX, "doc-0", List.of(chunk("doc-0", 1,
                    "quarterly report number 0 revised", vec(1, 0, 0.5f), allow("group:team-1"))));
            index.deleteDocument(TestChunks.APP, TestChunks.INDEX, "doc-2");
            Set<String> team0Before = chunkIds(index.search(request("quarterly report", vec(1, 0, 0.5f),
                    Set.of("group:team-0"), null, 10, mode)));
            Set<String> team1Before = chunkIds(index.search(request("quarterly report", vec(1, 0, 0.5f),
                    Set.of("group:team-1"), null, 10, mode)));

            now.addAndGet(IDLE.toNanos());
            assertThat(index.compactIfIdleForTests()).isTrue();
            assertThat(index.segmentCount()).isEqualTo(1);

            Set<String> team0 = chunkIds(index.search(request("quarterly report", vec(1, 0, 0.5f),
                    Set.of("group:team-0"), null, 10, mode)));
            Set<String> team1 = chunkIds(index.search(request("quarterly report", vec(1, 0, 0.5f),
                    Set.of("group:team-1"), null, 10, mode)));
            assertThat(team0).isEqualTo(team0Before).containsExactlyInAnyOrder("doc-4#0")
                    .doesNotContain("doc-0#0", "doc-0#1", "doc-2#0");
            assertThat(team1).isEqualTo(team1Before).contains("doc-0#1").doesNotContain("doc-0#0");
        }
    }

    @Test
    void theCompactedIndexIsCommittedAndReopensWhole() throws Exception {
        try (LuceneSearchIndex index = open()) {
            writeDocuments(index, 5);
            now.addAndGet(IDLE.toNanos());
            assertThat(index.compactIfIdleForTests()).isTrue();
        }
        try (LuceneSearchIndex reopened = LuceneSearchIndex.open(dir, null)) {
            assertThat(reopened.segmentCount()).isEqualTo(1);
            assertThat(reopened.chunkCount(TestChunks.APP, TestChunks.INDEX)).isEqualTo(5);
        }
    }

    @Test
    void theTimerCompactsAnIndexOpenedWithAShortIdlePeriod() throws Exception {
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir, Duration.ofMillis(200))) {
            writeDocuments(index, 4);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (index.segmentCount() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(index.segmentCount()).isEqualTo(1);
            assertThat(index.chunkCount(TestChunks.APP, TestChunks.INDEX)).isEqualTo(4);
        }
    }
}

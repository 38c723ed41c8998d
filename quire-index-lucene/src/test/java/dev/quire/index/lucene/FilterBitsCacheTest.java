package dev.quire.index.lucene;

import static dev.quire.index.lucene.TestChunks.chunk;
import static dev.quire.index.lucene.TestChunks.chunkIds;
import static dev.quire.index.lucene.TestChunks.request;
import static dev.quire.index.lucene.TestChunks.vec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.spi.search.AclTerms;
import dev.quire.spi.search.SearchRequest.Mode;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The per-segment filter cache must never answer with an ACL older than the index: after a write
 * changes a chunk's ACL, a principal set whose filter bits are cached sees the new ACL at once.
 * Each chunk sits alone in its segment so the rewritten chunk gets the SAME segment position and
 * document number as the old one: a cache keyed by anything less than the segment reader's
 * identity (the filter alone, or the segment's position) would serve the old bits and fail here.
 */
class FilterBitsCacheTest {
    private static final Set<String> READER = Set.of("user:a@example.com", "group:eng");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aNewlyDenyingAclHidesTheChunkFromACachedPrincipalSet(Mode mode) {
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            index.replaceDocument(TestChunks.APP, TestChunks.INDEX, "doc", List.of(
                    chunk("doc", 0, "budget plan", vec(1, 0), TestChunks.allow("group:eng"))));
            assertThat(chunkIds(search(index, mode))).containsExactly("doc#0");
            assertThat(chunkIds(search(index, mode))).containsExactly("doc#0");
            assertThat(index.filterCacheForTests().hitCount()).as("the filter bits are reused").isPositive();

            index.replaceDocument(TestChunks.APP, TestChunks.INDEX, "doc", List.of(chunk("doc", 0, "budget plan",
                    vec(1, 0), new AclTerms(Set.of("user:a@example.com"), List.of(Set.of("group:eng"))))));

            assertThat(chunkIds(search(index, mode))).as("denied after the write").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aNewlyAllowingAclShowsTheChunkToACachedPrincipalSet(Mode mode) {
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            index.replaceDocument(TestChunks.APP, TestChunks.INDEX, "doc", List.of(
                    chunk("doc", 0, "budget plan", vec(1, 0), TestChunks.allow("group:finance"))));
            assertThat(chunkIds(search(index, mode))).isEmpty();
            assertThat(chunkIds(search(index, mode))).isEmpty();

            index.replaceDocument(TestChunks.APP, TestChunks.INDEX, "doc", List.of(
                    chunk("doc", 0, "budget plan", vec(1, 0), TestChunks.allow("group:eng"))));

            assertThat(chunkIds(search(index, mode))).as("readable after the write").containsExactly("doc#0");
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aDeletedChunkIsGoneForACachedPrincipalSet(Mode mode) {
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            index.replaceDocument(TestChunks.APP, TestChunks.INDEX, "doc", List.of(
                    chunk("doc", 0, "budget plan", vec(1, 0), TestChunks.allow("group:eng")),
                    chunk("doc", 1, "budget plan", vec(1, 0), TestChunks.allow("group:eng"))));
            index.replaceDocument(TestChunks.APP, TestChunks.INDEX, "other", List.of(
                    chunk("other", 0, "budget plan", vec(1, 0), TestChunks.allow("group:eng"))));
            assertThat(chunkIds(search(index, mode))).containsExactlyInAnyOrder("doc#0", "doc#1", "other#0");

            index.deleteDocument(TestChunks.APP, TestChunks.INDEX, "doc");

            assertThat(chunkIds(search(index, mode))).containsExactly("other#0");
        }
    }

    private static List<dev.quire.spi.search.ChunkHit> search(LuceneSearchIndex index, Mode mode) {
        return index.search(request("budget", vec(1, 0), READER, null, 10, mode));
    }
}

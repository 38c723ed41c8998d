package dev.quire.index.lucene;

import static dev.quire.index.lucene.TestChunks.APP;
import static dev.quire.index.lucene.TestChunks.INDEX;
import static dev.quire.index.lucene.TestChunks.chunk;
import static dev.quire.index.lucene.TestChunks.chunkIds;
import static dev.quire.index.lucene.TestChunks.documentIds;
import static dev.quire.index.lucene.TestChunks.request;
import static dev.quire.index.lucene.TestChunks.vec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.spi.search.AclTerms;
import dev.quire.spi.search.IndexedChunk;
import dev.quire.spi.search.SearchRequest.Mode;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour specific to the Lucene backend: persistence, schema checks, input validation. */
class LuceneSearchIndexTest {
    private static final AclTerms AND_CLAUSE = new AclTerms(Set.of(),
            List.of(Set.of("group:ds-1:eng", "user:a@example.com")));

    @Test
    void reopeningAnOnDiskIndexKeepsChunksVectorDimensionAndAndClauses(@TempDir Path dir) {
        IndexedChunk c = SearchIndexContract.fullChunk();
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            index.replaceDocument(APP, INDEX, c.documentId(), List.of(c));
            index.replaceDocument(APP, INDEX, "and", List.of(chunk("and", 0, "revenue", vec(1, 0, 0, 0), AND_CLAUSE)));
        }
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            assertThat(index.chunkCount(APP, INDEX)).isEqualTo(2);
            var hits = index.search(request("revenue", null, Set.of("group:cfo"), null, 10, Mode.BM25));
            assertThat(hits).singleElement().satisfies(h -> assertThat(h.chunk()).usingRecursiveComparison().isEqualTo(c));
            // The AND slot count must be recovered from the index, or this chunk would be lost.
            assertThat(chunkIds(index.search(request("revenue", vec(1, 0, 0, 0), Set.of("group:ds-1:eng", "user:a@example.com"),
                    null, 10, Mode.VECTOR)))).contains("and#0");
            assertThatThrownBy(() -> index.replaceDocument(APP, INDEX, "x", List.of(chunk("x", 0, "t", vec(1, 0), AclTerms.everyone()))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 2").hasMessageContaining("dimension 4");
        }
    }

    @Test
    void vectorsOfAnotherDimensionAreRejectedWithoutWritingAnything() {
        try (LuceneSearchIndex index = LuceneSearchIndex.openInMemory()) {
            index.replaceDocument(APP, INDEX, "a", List.of(chunk("a", 0, "alpha", vec(1, 0, 0), AclTerms.everyone())));
            assertThatThrownBy(() -> index.replaceDocument(APP, INDEX, "b", List.of(
                    chunk("b", 0, "beta", vec(1, 0, 0), AclTerms.everyone()), chunk("b", 1, "beta", vec(1, 0), AclTerms.everyone()))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension");
            assertThat(index.chunkCount(APP, INDEX)).isEqualTo(1);
            assertThatThrownBy(() -> index.search(request(null, vec(1, 0), Set.of(), null, 5, Mode.VECTOR)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query vector has dimension 2");
            assertThatThrownBy(() -> index.search(request("alpha", null, Set.of(), null, 5, Mode.VECTOR)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query vector");
        }
    }

    @Test
    void userTextIsNeverParsedAsQuerySyntax() {
        try (LuceneSearchIndex index = LuceneSearchIndex.openInMemory()) {
            index.replaceDocument(APP, INDEX, "pub", List.of(chunk("pub", 0, "cafeteria menu", null, AclTerms.everyone())));
            index.replaceDocument(APP, INDEX, "secret", List.of(chunk("secret", 0, "merger plans", null, TestChunks.allow("group:board"))));
            for (String hostile : List.of("*:*", "text:merger OR acl_public:1", "acl_any:group\\:board", "\"unbalanced (",
                    "merger AND NOT cafeteria", "+merger -x~2 [a TO z] /re.*/")) {
                assertThat(documentIds(index.search(request(hostile, null, Set.of(), null, 10, Mode.BM25))))
                        .as(hostile).doesNotContain("secret");
            }
            assertThat(documentIds(index.search(request("the and of", null, Set.of(), null, 10, Mode.BM25)))).isEmpty();
            assertThat(documentIds(index.search(request("Cafeterias!", null, Set.of(), null, 10, Mode.BM25)))).containsExactly("pub");
        }
    }

    @Test
    void aHugeLimitIsBoundedByTheIndexSize() {
        try (LuceneSearchIndex index = LuceneSearchIndex.openInMemory()) {
            index.replaceDocument(APP, INDEX, "a", List.of(chunk("a", 0, "alpha", vec(1, 0), AclTerms.everyone())));
            for (Mode mode : Mode.values()) {
                assertThat(documentIds(index.search(request("alpha", vec(1, 0), Set.of(), null, Integer.MAX_VALUE, mode))))
                        .as(mode.name()).containsExactly("a");
            }
        }
    }

    @Test
    void writesAreValidated() {
        try (LuceneSearchIndex index = LuceneSearchIndex.openInMemory()) {
            IndexedChunk other = chunk("other", 0, "t", null, AclTerms.everyone());
            assertThatThrownBy(() -> index.replaceDocument(APP, INDEX, "mine", List.of(other)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
            IndexedChunk noAcl = chunk("mine", 0, "t", null, null);
            assertThatThrownBy(() -> index.replaceDocument(APP, INDEX, "mine", List.of(noAcl)))
                    .isInstanceOf(NullPointerException.class).hasMessageContaining("acl");
            assertThatThrownBy(() -> index.replaceDocument("a|b", INDEX, "mine", List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("applicationId");
            assertThat(index.chunkCount(APP, INDEX)).isZero();
        }
    }

    @Test
    void aClosedIndexRefusesWork() {
        LuceneSearchIndex index = LuceneSearchIndex.openInMemory();
        index.close();
        index.close();
        assertThatThrownBy(() -> index.chunkCount(APP, INDEX)).isInstanceOf(IllegalStateException.class);
    }
}

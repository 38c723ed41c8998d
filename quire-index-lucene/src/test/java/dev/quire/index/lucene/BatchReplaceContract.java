package dev.quire.index.lucene;

import static dev.quire.index.lucene.TestChunks.APP;
import static dev.quire.index.lucene.TestChunks.INDEX;
import static dev.quire.index.lucene.TestChunks.chunk;
import static dev.quire.index.lucene.TestChunks.chunkIds;
import static dev.quire.index.lucene.TestChunks.request;
import static dev.quire.index.lucene.TestChunks.vec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.spi.search.AclTerms;
import dev.quire.spi.search.AttributeValue;
import dev.quire.spi.search.ChunkHit;
import dev.quire.spi.search.DocumentChunks;
import dev.quire.spi.search.IndexedChunk;
import dev.quire.spi.search.SearchIndex;
import dev.quire.spi.search.SearchRequest.Mode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SearchIndex#replaceDocuments}: several documents in one call, each replaced whole. */
public abstract class BatchReplaceContract {
    protected SearchIndex index;

    protected abstract SearchIndex newIndex();

    @BeforeEach
    void openIndex() {
        index = newIndex();
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    @Test
    void replacesEachDocumentWholeAndAnEmptyListRemovesIt() {
        AclTerms all = AclTerms.everyone();
        index.replaceDocument(APP, INDEX, "a", List.of(chunk("a", 0, "term", null, all), chunk("a", 1, "term", null, all)));
        index.replaceDocument(APP, INDEX, "b", List.of(chunk("b", 0, "term", null, all)));
        index.replaceDocuments(List.of(
                new DocumentChunks(APP, INDEX, "a", List.of(chunk("a", 0, "term new", null, all))),
                new DocumentChunks(APP, INDEX, "b", List.of()),
                new DocumentChunks(APP, INDEX, "c", List.of(chunk("c", 0, "term", null, all), chunk("c", 1, "term", null, all)))));
        assertThat(chunkIds(index.search(request("term", null, Set.of(), null, 10, Mode.BM25))))
                .containsExactlyInAnyOrder("a#0", "c#0", "c#1");
        assertThat(index.search(request("new", null, Set.of(), null, 10, Mode.BM25)))
                .extracting(h -> h.chunk().chunkId()).containsExactly("a#0");
    }

    @Test
    void aChunkOfAnotherDocumentIsRejected() {
        assertThatThrownBy(() -> index.replaceDocuments(List.of(
                new DocumentChunks(APP, INDEX, "a", List.of(chunk("b", 0, "term", null, AclTerms.everyone()))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
    }

    @Test
    void aBatchWithAVectorOfAnotherDimensionWritesNothing() {
        AclTerms all = AclTerms.everyone();
        index.replaceDocument(APP, INDEX, "a", List.of(chunk("a", 0, "alpha", vec(1, 0, 0), all)));
        assertThatThrownBy(() -> index.replaceDocuments(List.of(
                new DocumentChunks(APP, INDEX, "b", List.of(chunk("b", 0, "beta", vec(0, 1, 0), all))),
                new DocumentChunks(APP, INDEX, "c", List.of(chunk("c", 0, "gamma", vec(0, 1), all))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension");
        assertThat(index.chunkCount(APP, INDEX)).isEqualTo(1);
    }

    @Test
    void aConcurrentSearcherNeverSeesHalfOfADocument() throws Exception {
        int rounds = 60;
        List<String> documents = List.of("d0", "d1", "d2");
        index.replaceDocuments(versions(documents, 0));
        AtomicBoolean done = new AtomicBoolean();
        List<String> violations = new CopyOnWriteArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                Map<String, List<ChunkHit>> byDocument = new HashMap<>();
                for (ChunkHit h : index.search(request("shared", null, Set.of(), null, 100, Mode.BM25))) {
                    byDocument.computeIfAbsent(h.chunk().documentId(), d -> new ArrayList<>()).add(h);
                }
                byDocument.forEach((doc, hits) -> {
                    Set<Long> seen = new java.util.HashSet<>();
                    hits.forEach(h -> seen.add(h.chunk().attributes().get("version").longValue()));
                    if (seen.size() != 1 || hits.size() != chunksOf(doc, seen.iterator().next().intValue())) {
                        violations.add(doc + ": versions " + seen + " in " + hits.size() + " chunks");
                    }
                });
                if (byDocument.size() != documents.size()) {
                    violations.add("documents seen: " + byDocument.keySet());
                }
                reads.incrementAndGet();
            }
        });
        reader.start();
        for (int v = 1; v <= rounds; v++) {
            index.replaceDocuments(versions(documents, v));
        }
        done.set(true);
        reader.join();
        assertThat(violations).isEmpty();
        assertThat(reads.get()).isPositive();
        assertThat(index.chunkCount(APP, INDEX)).isEqualTo(documents.stream().mapToInt(d -> chunksOf(d, rounds)).sum());
    }

    private static int chunksOf(String document, int version) {
        return 1 + (version + document.hashCode()) % 5;
    }

    private static List<DocumentChunks> versions(List<String> documents, int v) {
        List<DocumentChunks> out = new ArrayList<>();
        for (String d : documents) {
            List<IndexedChunk> chunks = new ArrayList<>();
            for (int i = 0; i < chunksOf(d, v); i++) {
                chunks.add(chunk(APP, INDEX, d, i, null, "shared text version " + v, null, AclTerms.everyone(),
                        Map.of("version", AttributeValue.of((long) v))));
            }
            out.add(new DocumentChunks(APP, INDEX, d, chunks));
        }
        return out;
    }
}

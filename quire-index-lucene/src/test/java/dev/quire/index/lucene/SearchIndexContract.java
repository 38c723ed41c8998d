package dev.quire.index.lucene;

import static dev.quire.index.lucene.TestChunks.APP;
import static dev.quire.index.lucene.TestChunks.INDEX;
import static dev.quire.index.lucene.TestChunks.chunk;
import static dev.quire.index.lucene.TestChunks.chunkIds;
import static dev.quire.index.lucene.TestChunks.documentIds;
import static dev.quire.index.lucene.TestChunks.request;
import static dev.quire.index.lucene.TestChunks.vec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quire.spi.search.AclTerms;
import dev.quire.spi.search.AttributeValue;
import dev.quire.spi.search.ChunkHit;
import dev.quire.spi.search.IndexedChunk;
import dev.quire.spi.search.SearchIndex;
import dev.quire.spi.search.SearchRequest.Mode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Storage, replacement, ranking and deletion behaviour every {@link SearchIndex} must have. */
public abstract class SearchIndexContract {
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

    static IndexedChunk fullChunk() {
        Map<String, AttributeValue> attributes = Map.of(
                "_category", AttributeValue.of("Finance & Ops"),
                "tags", AttributeValue.of(List.of("b", "a", "a", "ü")),
                "pages", AttributeValue.of(-42L),
                "published", AttributeValue.of(Instant.parse("2024-02-29T23:59:59.123456789Z")));
        AclTerms acl = new AclTerms(Set.of("user:mallory@example.com"),
                List.of(Set.of("group:ds-1:finance", "user:alice@example.com"), Set.of("group:cfo")));
        return new IndexedChunk(APP, INDEX, "doc/with spaces|and bars", "chunk-7", 7, "Quarterly Report — Q3",
                List.of("Part II", "Revenue", "Europe"), "Revenue grew by 12% in Europe; see «notes».",
                "https://intranet.example.com/reports/q3?x=1&y=2", "ds-1", attributes,
                vec(0.25f, -0.5f, 1e-7f, Float.MIN_VALUE), acl, Instant.parse("2025-03-04T05:06:07.000000891Z"));
    }

    @Test
    void everyFieldOfAChunkRoundTripsInEveryMode() {
        IndexedChunk full = fullChunk();
        IndexedChunk sparse = new IndexedChunk(APP, INDEX, "sparse", "sparse-0", 0, null, null, "revenue", null, null,
                null, null, AclTerms.everyone(), null);
        index.replaceDocument(APP, INDEX, full.documentId(), List.of(full));
        index.replaceDocument(APP, INDEX, "sparse", List.of(sparse));
        for (Mode mode : Mode.values()) {
            List<ChunkHit> hits = index.search(request("revenue", full.vector(), Set.of("group:cfo"), null, 10, mode));
            ChunkHit hit = hits.stream().filter(h -> h.chunk().chunkId().equals("chunk-7")).findFirst().orElseThrow();
            assertThat(hit.chunk()).as(mode.name()).usingRecursiveComparison().isEqualTo(full);
            assertThat(hit.score()).isPositive();
        }
        List<ChunkHit> hits = index.search(request("revenue", null, Set.of(), null, 10, Mode.BM25));
        assertThat(hits).extracting(ChunkHit::chunk).singleElement().usingRecursiveComparison().isEqualTo(sparse);
    }

    @Test
    void replaceIsAtomicForAConcurrentSearcher() throws Exception {
        int versions = 120;
        AtomicBoolean done = new AtomicBoolean();
        List<String> violations = new CopyOnWriteArrayList<>();
        AtomicInteger nonEmptyReads = new AtomicInteger();
        index.replaceDocument(APP, INDEX, "doc", versionChunks(0));
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                List<ChunkHit> hits = index.search(request("shared", null, Set.of(), null, 100, Mode.BM25));
                Set<Long> seen = new java.util.HashSet<>();
                hits.forEach(h -> seen.add(h.chunk().attributes().get("version").longValue()));
                if (seen.size() != 1) {
                    violations.add("versions " + seen);
                } else if (hits.size() != chunksOfVersion(seen.iterator().next().intValue())) {
                    violations.add("version " + seen + " with " + hits.size() + " chunks");
                } else {
                    nonEmptyReads.incrementAndGet();
                }
            }
        });
        reader.start();
        for (int v = 1; v <= versions; v++) {
            index.replaceDocument(APP, INDEX, "doc", versionChunks(v));
        }
        done.set(true);
        reader.join();
        assertThat(violations).isEmpty();
        assertThat(nonEmptyReads.get()).isPositive();
        assertThat(index.chunkCount(APP, INDEX)).isEqualTo(chunksOfVersion(versions));
    }

    private static int chunksOfVersion(int v) {
        return 2 + v % 7;
    }

    private static List<IndexedChunk> versionChunks(int v) {
        List<IndexedChunk> chunks = new ArrayList<>();
        for (int i = 0; i < chunksOfVersion(v); i++) {
            chunks.add(chunk(APP, INDEX, "doc", i, null, "shared text version " + v, null, AclTerms.everyone(),
                    Map.of("version", AttributeValue.of((long) v))));
        }
        return chunks;
    }

    @Test
    void bm25RanksTheDocumentAboutTheQueryFirstAndSearchesTitles() {
        AclTerms all = AclTerms.everyone();
        index.replaceDocument(APP, INDEX, "vpn", List.of(chunk("vpn", 0,
                "To reset your VPN password, open the VPN client settings and choose reset password.", null, all)));
        index.replaceDocument(APP, INDEX, "lunch", List.of(chunk("lunch", 0,
                "The cafeteria lunch menu changes weekly; passwords are not needed for lunch.", null, all)));
        index.replaceDocument(APP, INDEX, "holidays", List.of(chunk("holidays", 0,
                "Public holidays for the year and how to request leave.", null, all)));
        assertThat(documentIds(index.search(request("How do I reset my VPN password?", null, Set.of(), null, 10, Mode.BM25))))
                .first().isEqualTo("vpn");

        index.replaceDocument(APP, INDEX, "titled", List.of(chunk(APP, INDEX, "titled", 0, "Travel expense policy",
                "Rules for employees: the expense form is on the road.", null, all, Map.of())));
        index.replaceDocument(APP, INDEX, "untitled", List.of(chunk(APP, INDEX, "untitled", 0, "Employee handbook",
                "Rules for employees: the expense form is on the intranet.", null, all, Map.of())));
        assertThat(documentIds(index.search(request("expense", null, Set.of(), null, 10, Mode.BM25))))
                .containsExactly("titled", "untitled");
    }

    @Test
    void vectorSearchOrdersByCosineSimilarity() {
        AclTerms all = AclTerms.everyone();
        index.replaceDocument(APP, INDEX, "a", List.of(chunk("a", 0, "x", vec(1, 0, 0), all)));
        index.replaceDocument(APP, INDEX, "b", List.of(chunk("b", 0, "x", vec(0.8f, 0.6f, 0), all)));
        index.replaceDocument(APP, INDEX, "c", List.of(chunk("c", 0, "x", vec(0, 0, 1), all)));
        index.replaceDocument(APP, INDEX, "none", List.of(chunk("none", 0, "x", null, all)));
        List<ChunkHit> hits = index.search(request(null, vec(2, 0.2f, 0), Set.of(), null, 10, Mode.VECTOR));
        assertThat(documentIds(hits)).containsExactly("a", "b", "c");
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
        assertThat(hits.get(1).score()).isGreaterThan(hits.get(2).score());
        assertThat(documentIds(index.search(request(null, vec(0, 0, 1), Set.of(), null, 1, Mode.VECTOR))))
                .containsExactly("c");
    }

    @Test
    void hybridFusesRanksWithReciprocalRankFusion() {
        AclTerms all = AclTerms.everyone();
        // BM25 order: a, b. Vector order: c, b, a.
        index.replaceDocument(APP, INDEX, "a", List.of(chunk("a", 0, "zebra zebra zebra", vec(0, 0, 1), all)));
        index.replaceDocument(APP, INDEX, "b", List.of(chunk("b", 0,
                "zebra and many other animals of the savanna in a long sentence", vec(0.6f, 0, 0.8f), all)));
        index.replaceDocument(APP, INDEX, "c", List.of(chunk("c", 0, "lion", vec(1, 0, 0), all)));
        List<ChunkHit> hits = index.search(request("zebra", vec(1, 0, 0), Set.of(), null, 10, Mode.HYBRID));
        assertThat(documentIds(hits)).containsExactly("a", "b", "c");
        assertThat(hits.get(0).score()).isCloseTo(1.0 / 61 + 1.0 / 63, within(1e-12));
        assertThat(hits.get(1).score()).isCloseTo(1.0 / 62 + 1.0 / 62, within(1e-12));
        assertThat(hits.get(2).score()).isCloseTo(1.0 / 61, within(1e-12));
        assertThat(documentIds(index.search(request("zebra", vec(1, 0, 0), Set.of(), null, 1, Mode.HYBRID))))
                .containsExactly("a");
    }

    @Test
    void deletesRemoveExactlyTheirScope() {
        AclTerms all = AclTerms.everyone();
        index.replaceDocument(APP, INDEX, "a", List.of(chunk("a", 0, "term", null, all), chunk("a", 1, "term", null, all)));
        index.replaceDocument(APP, INDEX, "b", List.of(chunk("b", 0, "term", null, all)));
        index.replaceDocument(APP, "index-2", "c", List.of(chunk(APP, "index-2", "c", 0, null, "term", null, all, Map.of())));
        index.replaceDocument("app-2", INDEX, "d", List.of(chunk("app-2", INDEX, "d", 0, null, "term", null, all, Map.of())));
        assertThat(index.chunkCount(APP, INDEX)).isEqualTo(3);

        index.deleteDocument(APP, INDEX, "a");
        assertThat(chunkIds(index.search(request("term", null, Set.of(), null, 10, Mode.BM25)))).containsExactly("b#0");
        index.replaceDocument(APP, INDEX, "b", List.of());
        assertThat(index.chunkCount(APP, INDEX)).isZero();
        assertThat(index.chunkCount(APP, "index-2")).isEqualTo(1);

        index.replaceDocument(APP, INDEX, "b", List.of(chunk("b", 0, "term", null, all)));
        index.deleteIndex(APP, "index-2");
        assertThat(index.chunkCount(APP, "index-2")).isZero();
        assertThat(index.chunkCount(APP, INDEX)).isEqualTo(1);

        index.deleteIndex(APP, null);
        assertThat(index.chunkCount(APP, INDEX)).isZero();
        assertThat(index.chunkCount("app-2", INDEX)).isEqualTo(1);
    }
}

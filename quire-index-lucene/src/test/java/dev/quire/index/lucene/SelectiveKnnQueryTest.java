package dev.quire.index.lucene;

import static dev.quire.index.lucene.TestChunks.chunk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.spi.search.ChunkHit;
import dev.quire.spi.search.IndexedChunk;
import dev.quire.spi.search.SearchRequest.Mode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * kNN under a selective ACL (where {@link SelectiveKnnQuery} skips the HNSW walk) and a broad one
 * (where it walks): the hits are always admitted chunks, and under the selective ACL they are
 * exactly the true nearest admitted chunks, checked by brute force.
 */
class SelectiveKnnQueryTest {
    private static final int CHUNKS = 3_000;

    @Test
    void aSelectiveAclGetsTheExactNearestAdmittedChunksAndABroadOneOnlyAdmittedOnes() {
        SplittableRandom random = new SplittableRandom(3);
        Map<String, float[]> vectors = new HashMap<>();
        Map<String, String> groupOf = new HashMap<>();
        try (LuceneSearchIndex index = LuceneSearchIndex.openInMemory()) {
            for (int d = 0; d < CHUNKS / 100; d++) {
                List<IndexedChunk> chunks = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    float[] v = SyntheticChunks.unitVector(random);
                    String group = "group:g" + random.nextInt(20); // each group admits ~5%
                    chunks.add(chunk("d" + d, i, "text", v, TestChunks.allow(group)));
                    vectors.put("d" + d + "#" + i, v);
                    groupOf.put("d" + d + "#" + i, group);
                }
                index.replaceDocument(TestChunks.APP, TestChunks.INDEX, "d" + d, chunks);
            }
            for (int q = 0; q < 20; q++) {
                float[] query = SyntheticChunks.unitVector(random);
                Set<String> selective = Set.of("group:g1");
                List<String> found = ids(index.search(TestChunks.request(null, query, selective, null, 10, Mode.VECTOR)));
                assertThat(found).as("query " + q).isEqualTo(bruteForce(query, selective, vectors, groupOf, 10));

                Set<String> broad = Set.of("group:g0", "group:g1", "group:g2", "group:g3", "group:g4", "group:g5",
                        "group:g6", "group:g7", "group:g8", "group:g9");
                for (String id : ids(index.search(TestChunks.request(null, query, broad, null, 10, Mode.VECTOR)))) {
                    assertThat(broad).contains(groupOf.get(id));
                }
            }
        }
    }

    /**
     * The production index with a segment large enough for the int8 first pass: a user who may read
     * one group in twenty still gets exactly the nearest chunks they may read, and never another's.
     */
    @Test
    void theInt8FirstPassOfALargeSegmentKeepsTheAclAndTheExactNearest() {
        SplittableRandom random = new SplittableRandom(4);
        int chunks = QuantizedVectorCache.DEFAULT_MIN_DOCS + 2_000;
        Map<String, float[]> vectors = new HashMap<>();
        Map<String, String> groupOf = new HashMap<>();
        try (LuceneSearchIndex index = LuceneSearchIndex.openInMemory()) {
            for (int d = 0; d < chunks / 200; d++) {
                List<IndexedChunk> batch = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    float[] v = SyntheticChunks.unitVector(random, 16);
                    String group = "group:g" + random.nextInt(20);
                    batch.add(chunk("d" + d, i, "text", v, TestChunks.allow(group)));
                    vectors.put("d" + d + "#" + i, v);
                    groupOf.put("d" + d + "#" + i, group);
                }
                index.replaceDocument(TestChunks.APP, TestChunks.INDEX, "d" + d, batch);
            }
            index.compact();
            assertThat(index.segmentCount()).isEqualTo(1);
            Set<String> selective = Set.of("group:g7");
            for (int q = 0; q < 20; q++) {
                float[] query = SyntheticChunks.unitVector(random, 16);
                List<String> found = ids(index.search(TestChunks.request(null, query, selective, null, 10, Mode.VECTOR)));
                assertThat(found).as("query " + q).isEqualTo(bruteForce(query, selective, vectors, groupOf, 10));
            }
            assertThat(index.quantizedVectorsForTests().size()).as("the segment was scanned on its int8 codes")
                    .isEqualTo(1);
        }
    }

    private static List<String> ids(List<ChunkHit> hits) {
        return hits.stream().map(h -> h.chunk().chunkId()).toList();
    }

    private static List<String> bruteForce(float[] query, Set<String> principals, Map<String, float[]> vectors,
                                           Map<String, String> groupOf, int k) {
        return vectors.entrySet().stream()
                .filter(e -> principals.contains(groupOf.get(e.getKey())))
                .sorted(Comparator.comparingDouble((Map.Entry<String, float[]> e) -> -dot(query, e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .limit(k).map(Map.Entry::getKey).toList();
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}

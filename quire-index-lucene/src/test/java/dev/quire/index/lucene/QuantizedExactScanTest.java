package dev.quire.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The exact scan with an int8 first pass ({@link QuantizedVectors}) returns what a brute-force scan
 * of the admitted float vectors returns — the same documents, in the same order, with Lucene's exact
 * scores — and its codes live exactly as long as their segment.
 */
class QuantizedExactScanTest {
    private static final int DOCS = 3_000;
    private static final int DIM = 64;
    private static final int K = 10;

    @Test
    void theInt8FirstPassFindsTheExactNearestAdmittedVectors() throws IOException {
        for (VectorSimilarityFunction function : new VectorSimilarityFunction[] {VectorSimilarityFunction.COSINE,
                VectorSimilarityFunction.DOT_PRODUCT}) {
            SplittableRandom random = new SplittableRandom(5);
            List<float[]> vectors = new ArrayList<>();
            List<String> groups = new ArrayList<>();
            try (Directory dir = new ByteBuffersDirectory()) {
                write(dir, function, random, vectors, groups);
                QuantizedVectorCache cache = new QuantizedVectorCache(1L << 30, 100);
                try (DirectoryReader reader = DirectoryReader.open(dir)) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    for (int q = 0; q < 30; q++) {
                        float[] query = function == VectorSimilarityFunction.DOT_PRODUCT
                                ? SyntheticChunks.unitVector(random, DIM) : gaussian(random, 3);
                        String group = "g" + random.nextInt(10); // ~300 admitted: well over K * RESCORE_FACTOR
                        ScoreDoc[] found = searcher.search(new SelectiveKnnQuery("v", query, K,
                                new TermQuery(new Term("group", group)), cache), K).scoreDocs;
                        List<Integer> ids = new ArrayList<>();
                        for (ScoreDoc sd : found) {
                            int id = reader.storedFields().document(sd.doc).getField("id").numericValue().intValue();
                            ids.add(id);
                            assertThat(sd.score).as("an exact score").isCloseTo(
                                    function.compare(query, vectors.get(id)), within(1e-5f));
                        }
                        assertThat(ids).as(function + " query " + q)
                                .isEqualTo(bruteForce(function, query, vectors, groups, group));
                    }
                    assertThat(cache.size()).as("the segment's codes were built and used").isEqualTo(1);
                }
                assertThat(cache.size()).as("closing the segment drops its codes").isZero();
                assertThat(cache.bytesUsed()).isZero();
            }
        }
    }

    @Test
    void smallSegmentsAndOversizedOnesAreScannedOnFloats() throws IOException {
        SplittableRandom random = new SplittableRandom(6);
        try (Directory dir = new ByteBuffersDirectory()) {
            write(dir, VectorSimilarityFunction.COSINE, random, new ArrayList<>(), new ArrayList<>());
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                var leaf = reader.leaves().get(0).reader();
                var info = leaf.getFieldInfos().fieldInfo("v");
                assertThat(new QuantizedVectorCache(1L << 30, DOCS + 1).get(leaf, info)).isNull();
                assertThat(new QuantizedVectorCache(1_000, 100).get(leaf, info)).isNull();
                assertThat(new QuantizedVectorCache(1L << 30, 100).get(leaf, info)).isNotNull();
            }
        }
    }

    @Test
    void encodingKeepsTheLargestComponentAtFullRangeAndApproximatesTheDotProduct() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            float[] a = gaussian(random, 1 + random.nextDouble() * 5);
            float[] b = gaussian(random, 1 + random.nextDouble() * 5);
            byte[] ca = new byte[DIM];
            byte[] cb = new byte[DIM];
            float fa = QuantizedVectors.encode(a, VectorSimilarityFunction.DOT_PRODUCT, ca, 0);
            float fb = QuantizedVectors.encode(b, VectorSimilarityFunction.DOT_PRODUCT, cb, 0);
            assertThat(IntStream.range(0, DIM).map(i -> Math.abs(ca[i])).max().getAsInt()).isEqualTo(127);
            double exact = 0;
            double scale = 0;
            for (int i = 0; i < DIM; i++) {
                exact += a[i] * b[i];
                scale += Math.abs(a[i] * b[i]);
            }
            double approximate = VectorKernel.dotBytes(ca, 0, cb, 0, DIM) * fa * fb;
            assertThat(Math.abs(approximate - exact)).as("trial " + trial).isLessThan(0.02 * scale + 1e-6);
        }
        assertThat(QuantizedVectors.encode(new float[DIM], VectorSimilarityFunction.COSINE, new byte[DIM], 0)).isZero();
    }

    /** Writes DOCS vectors with a stored id (the list index) and one of ten groups, merged into one segment. */
    private static void write(Directory dir, VectorSimilarityFunction function, SplittableRandom random,
                              List<float[]> vectors, List<String> groups) throws IOException {
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (int d = 0; d < DOCS; d++) {
                float[] v = function == VectorSimilarityFunction.DOT_PRODUCT
                        ? SyntheticChunks.unitVector(random, DIM) : gaussian(random, 2);
                String group = "g" + random.nextInt(10);
                vectors.add(v);
                groups.add(group);
                Document doc = new Document();
                doc.add(new KnnFloatVectorField("v", v, function));
                doc.add(new StringField("group", group, Field.Store.NO));
                doc.add(new StoredField("id", d));
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
        }
    }

    /** The ids of the K best vectors of {@code group}, by Lucene's own score. */
    private static List<Integer> bruteForce(VectorSimilarityFunction function, float[] query, List<float[]> vectors,
                                            List<String> groups, String group) {
        return IntStream.range(0, vectors.size()).boxed().filter(id -> groups.get(id).equals(group))
                .sorted(Comparator.comparingDouble((Integer id) -> -function.compare(query, vectors.get(id))))
                .limit(K).toList();
    }

    private static float[] gaussian(SplittableRandom random, double spread) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) ((random.nextDouble() * 2 - 1) * spread);
        }
        return v;
    }
}

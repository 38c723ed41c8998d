package dev.quire.index.lucene;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * How often the int8 first pass of the exact scan ({@link QuantizedVectors}) keeps the true top k:
 * on an existing index's largest segment, for random admitted sets of 1%, 10% and 50% of its chunks,
 * the k = 50 result of the scan with codes is compared with the plain float scan. Half the queries
 * are random unit vectors, half a stored vector plus a little noise (a question close to a chunk).
 * Read-only: the index is opened, never written.
 */
public final class Int8RecallBench {
    private static final int K = 50;

    private Int8RecallBench() {
    }

    public static void run(PrintStream out, Path indexDir, int queries) throws IOException {
        VectorKernel.quietLucenesVectorizationWarning();
        if (indexDir == null || !Files.isDirectory(indexDir)) {
            throw new IllegalArgumentException("--index-dir must name an existing index (for example one that"
                    + " 'quire bench chat --index-dir DIR' or 'quire bench retrieval --index-dir DIR' built)");
        }
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
            LeafReaderContext leaf = reader.leaves().stream()
                    .max(Comparator.comparingInt(c -> c.reader().maxDoc()))
                    .orElseThrow(() -> new IllegalArgumentException("the index in " + indexDir + " is empty"));
            int n = leaf.reader().maxDoc();
            if (leaf.reader().getFloatVectorValues(ChunkDocuments.VECTOR) == null) {
                throw new IllegalArgumentException("the index in " + indexDir + " has no chunk vectors");
            }
            QuantizedVectorCache codes = new QuantizedVectorCache(Long.MAX_VALUE, 1);
            SplittableRandom random = new SplittableRandom(9);
            double[] shares = {0.01, 0.10, 0.50};
            long[] kept = new long[shares.length];
            long[] expected = new long[shares.length];
            int[] worst = {K, K, K};
            for (int q = 0; q < queries; q++) {
                float[] query = q % 2 == 0 ? SyntheticChunks.unitVector(random, dimension(leaf))
                        : nearAStoredVector(leaf, random);
                int s = q % shares.length;
                FixedBitSet admitted = new FixedBitSet(n);
                for (int d = 0; d < n; d++) {
                    if (random.nextDouble() < shares[s]) {
                        admitted.set(d);
                    }
                }
                int count = admitted.cardinality();
                TopDocs exact = new SelectiveKnnQuery(ChunkDocuments.VECTOR, query, K, null, null)
                        .exactSearch(leaf, new BitSetIterator(admitted, count), null);
                TopDocs firstPass = new SelectiveKnnQuery(ChunkDocuments.VECTOR, query, K, null, codes)
                        .exactSearch(leaf, new BitSetIterator(admitted, count), null);
                Set<Integer> truth = new HashSet<>();
                for (ScoreDoc sd : exact.scoreDocs) {
                    truth.add(sd.doc);
                }
                int hit = 0;
                for (ScoreDoc sd : firstPass.scoreDocs) {
                    hit += truth.contains(sd.doc) ? 1 : 0;
                }
                kept[s] += hit;
                expected[s] += truth.size();
                worst[s] = Math.min(worst[s], hit);
            }
            out.printf("int8 first pass vs float exact scan: %s, largest segment %,d chunks, k = %d, %d queries,"
                    + " %s kernel%n", indexDir, n, K, queries, VectorKernel.describe());
            out.printf("| admitted share | recall@%d | worst query |%n", K);
            for (int s = 0; s < shares.length; s++) {
                out.printf("| %13.0f%% | %9.5f | %8d/%d |%n", 100 * shares[s],
                        expected[s] == 0 ? 1.0 : kept[s] / (double) expected[s], worst[s], K);
            }
        }
    }

    private static int dimension(LeafReaderContext leaf) {
        return leaf.reader().getFieldInfos().fieldInfo(ChunkDocuments.VECTOR).getVectorDimension();
    }

    private static float[] nearAStoredVector(LeafReaderContext leaf, SplittableRandom random) throws IOException {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(ChunkDocuments.VECTOR);
        int doc = values.advance(random.nextInt(leaf.reader().maxDoc()));
        if (doc == FloatVectorValues.NO_MORE_DOCS) {
            return SyntheticChunks.unitVector(random, dimension(leaf));
        }
        float[] v = values.vectorValue().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += (float) (random.nextGaussian() * 0.03);
        }
        return v;
    }
}

package dev.quire.index.lucene;

import java.io.IOException;

import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * One segment's vectors as int8 codes in memory, a quarter of the float vectors' bytes, for the
 * first pass of the exact scan of admitted chunks (see {@link SelectiveKnnQuery}). Reading 20,000
 * float vectors of 384 dimensions from the memory-mapped index is ~30 MB and took ~3.3 ms here, most
 * of a filtered kNN search; their codes are ~7.7 MB. The scan ranks by the codes' approximate
 * similarity only to pick candidates; the candidates are then scored exactly on the float vectors,
 * so every returned score is exact.
 *
 * <p>Quantization is per vector and symmetric: {@code code = round(v * 127 / max|v|)}, so a vector's
 * largest component uses the whole int8 range whatever its norm. The approximate dot product of two
 * vectors is {@code Σ code_q * code_v * (max|q| / 127) * (max|v| / 127)}; for COSINE each side is also
 * divided by its norm. Codes are indexed by doc id; the segment's vectors never change (Lucene
 * writes a new segment for a changed document), so a segment's codes stay valid as long as it lives.
 */
final class QuantizedVectors {
    private static final float LEVELS = 127f;

    private final int dimension;
    private final byte[] codes;
    /** Per doc: the factor turning Σ code products into the approximate similarity. */
    private final float[] factors;
    private final FixedBitSet hasVector;

    private QuantizedVectors(int dimension, byte[] codes, float[] factors, FixedBitSet hasVector) {
        this.dimension = dimension;
        this.codes = codes;
        this.factors = factors;
        this.hasVector = hasVector;
    }

    /** Whether this similarity ranks by (normalised) dot products, which the codes approximate. */
    static boolean supports(VectorSimilarityFunction function) {
        return function == VectorSimilarityFunction.COSINE || function == VectorSimilarityFunction.DOT_PRODUCT;
    }

    /** Bytes the codes of a segment of {@code maxDoc} documents take (or more than an int can index: -1). */
    static long bytesFor(int maxDoc, int dimension) {
        long codeBytes = (long) maxDoc * dimension;
        return codeBytes > Integer.MAX_VALUE - 16 ? -1 : codeBytes + 4L * maxDoc + maxDoc / 8 + 64;
    }

    static QuantizedVectors build(FloatVectorValues values, int maxDoc, VectorSimilarityFunction function)
            throws IOException {
        int dimension = values.dimension();
        byte[] codes = new byte[Math.toIntExact((long) maxDoc * dimension)];
        float[] factors = new float[maxDoc];
        FixedBitSet hasVector = new FixedBitSet(maxDoc);
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            factors[doc] = encode(values.vectorValue(), function, codes, doc * dimension);
            hasVector.set(doc);
        }
        return new QuantizedVectors(dimension, codes, factors, hasVector);
    }

    /** Writes v's codes at {@code offset}; returns its factor (0 for a zero vector: it then scores 0). */
    static float encode(float[] v, VectorSimilarityFunction function, byte[] codes, int offset) {
        float max = 0;
        double normSquared = 0;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
            normSquared += (double) x * x;
        }
        if (max == 0) {
            return 0;
        }
        float scale = LEVELS / max;
        for (int i = 0; i < v.length; i++) {
            codes[offset + i] = (byte) Math.round(v[i] * scale);
        }
        float factor = max / LEVELS;
        return function == VectorSimilarityFunction.COSINE ? (float) (factor / Math.sqrt(normSquared)) : factor;
    }

    int dimension() {
        return dimension;
    }

    boolean hasVector(int doc) {
        return hasVector.get(doc);
    }

    /** The approximate similarity (dot product or cosine, not Lucene's score) of a query encoded by {@link #encode}. */
    float approximate(byte[] queryCodes, float queryFactor, int doc) {
        return VectorKernel.dotBytes(queryCodes, 0, codes, doc * dimension, dimension) * queryFactor * factors[doc];
    }

    long ramBytesUsed() {
        return codes.length + 4L * factors.length + hasVector.ramBytesUsed() + 64;
    }
}

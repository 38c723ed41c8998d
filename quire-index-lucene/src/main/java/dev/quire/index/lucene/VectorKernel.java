package dev.quire.index.lucene;

import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * Scores stored vectors against one query vector exactly as {@link VectorSimilarityFunction#compare}
 * does, for the exact scan of the admitted chunks that dominates a filtered kNN search (a user
 * reading 10% of 200,000 chunks scores 20,000 vectors per question; profiled, that scan was 65–73%
 * of ChatSync's CPU). Lucene vectorises its own scoring only on JDK 21+; on JDK 17 its scalar loop
 * runs at ~1.7 GFLOP/s. When the JVM was started with {@code --add-modules jdk.incubator.vector}
 * (the {@code ./quire} launcher does), {@link PanamaVectorKernel} uses the JDK's SIMD vector API,
 * ~3.5x faster at 384 dimensions here; otherwise Lucene's own function is used, so a JVM without the
 * module gives the same results, only slower.
 */
abstract class VectorKernel {
    static final boolean SIMD = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    /**
     * Lucene warns, once, that "the vector incubator module was enabled but your Java version is
     * too old" when the JVM has jdk.incubator.vector (the launcher adds it for this kernel); Lucene's
     * own vectorisation needs JDK 21, ours does not, so the warning only misleads. Held here
     * because java.util.logging keeps loggers weakly: a dropped reference would lose the level.
     */
    private static final java.util.logging.Logger LUCENE_VECTORIZATION_LOG =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization.VectorizationProvider");

    /** Call before Lucene's first vector or postings work (class initialisation of the index does). */
    static void quietLucenesVectorizationWarning() {
        if (SIMD && Runtime.version().feature() < 21) {
            LUCENE_VECTORIZATION_LOG.setLevel(java.util.logging.Level.SEVERE);
        }
    }

    /** Scores one stored vector; the query vector and its norm are fixed at creation. */
    abstract float score(float[] stored);

    /** The fastest kernel this JVM offers for {@code function} against {@code query}. */
    static VectorKernel of(VectorSimilarityFunction function, float[] query) {
        if (SIMD && PanamaVectorKernel.supports(function)) {
            return PanamaVectorKernel.of(function, query);
        }
        return lucene(function, query);
    }

    /** Lucene's own scoring, the reference the SIMD kernel is tested against. */
    static VectorKernel lucene(VectorSimilarityFunction function, float[] query) {
        return new VectorKernel() {
            @Override
            float score(float[] stored) {
                return function.compare(query, stored);
            }
        };
    }

    /** Σ a[aOffset + i] * b[bOffset + i] over {@code length} int8 values (the quantized scan's inner loop). */
    static int dotBytes(byte[] a, int aOffset, byte[] b, int bOffset, int length) {
        if (SIMD) {
            return PanamaVectorKernel.dotBytes(a, aOffset, b, bOffset, length);
        }
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += a[aOffset + i] * b[bOffset + i];
        }
        return sum;
    }

    /** For the startup log: which kernel scans vectors, and how to get the fast one. */
    static String describe() {
        return SIMD ? "SIMD (jdk.incubator.vector)"
                : "scalar (start java with --add-modules jdk.incubator.vector for ~3x faster filtered vector search)";
    }
}

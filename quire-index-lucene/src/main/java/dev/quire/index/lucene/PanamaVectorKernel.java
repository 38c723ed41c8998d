package dev.quire.index.lucene;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * {@link VectorKernel} on the JDK's vector API. Only ever loaded when the module is present
 * ({@link VectorKernel#SIMD}): referencing this class without it would fail to link. The formulas
 * are Lucene's ({@link VectorSimilarityFunction}); only the summation order differs (lanes, then a
 * reduction), so scores agree to float rounding.
 */
final class PanamaVectorKernel extends VectorKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    /** As many bytes as INTS has lanes: each step widens them to ints (products of int8 fit easily). */
    private static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class,
            VectorShape.forBitSize(INTS.length() * Byte.SIZE));

    private final VectorSimilarityFunction function;
    private final float[] query;
    private final float queryNormSquared;

    private PanamaVectorKernel(VectorSimilarityFunction function, float[] query) {
        this.function = function;
        this.query = query;
        this.queryNormSquared = dot(query, query);
    }

    static boolean supports(VectorSimilarityFunction function) {
        return function == VectorSimilarityFunction.COSINE || function == VectorSimilarityFunction.DOT_PRODUCT
                || function == VectorSimilarityFunction.EUCLIDEAN;
    }

    static VectorKernel of(VectorSimilarityFunction function, float[] query) {
        return new PanamaVectorKernel(function, query);
    }

    @Override
    float score(float[] stored) {
        if (stored.length != query.length) {
            throw new IllegalArgumentException("vector dimensions differ: " + query.length + " != " + stored.length);
        }
        switch (function) {
            case COSINE:
                return Math.max((1 + cosine(query, queryNormSquared, stored)) / 2, 0);
            case DOT_PRODUCT:
                return Math.max((1 + dot(query, stored)) / 2, 0);
            case EUCLIDEAN:
                return 1 / (1 + squareDistance(query, stored));
            default:
                return function.compare(query, stored);
        }
    }

    private static float dot(float[] a, float[] b) {
        FloatVector sum = FloatVector.zero(SPECIES);
        int i = 0;
        for (int bound = SPECIES.loopBound(a.length); i < bound; i += SPECIES.length()) {
            sum = FloatVector.fromArray(SPECIES, a, i).fma(FloatVector.fromArray(SPECIES, b, i), sum);
        }
        float result = sum.reduceLanes(VectorOperators.ADD);
        for (; i < a.length; i++) {
            result += a[i] * b[i];
        }
        return result;
    }

    /** a·b / (|a| |b|) in one pass over b, as Lucene computes it (the norms' product in double). */
    private static float cosine(float[] a, float aNormSquared, float[] b) {
        FloatVector sum = FloatVector.zero(SPECIES);
        FloatVector norm = FloatVector.zero(SPECIES);
        int i = 0;
        for (int bound = SPECIES.loopBound(a.length); i < bound; i += SPECIES.length()) {
            FloatVector vb = FloatVector.fromArray(SPECIES, b, i);
            sum = FloatVector.fromArray(SPECIES, a, i).fma(vb, sum);
            norm = vb.fma(vb, norm);
        }
        float dot = sum.reduceLanes(VectorOperators.ADD);
        float normSquared = norm.reduceLanes(VectorOperators.ADD);
        for (; i < a.length; i++) {
            dot += a[i] * b[i];
            normSquared += b[i] * b[i];
        }
        return (float) (dot / Math.sqrt((double) aNormSquared * (double) normSquared));
    }

    private static float squareDistance(float[] a, float[] b) {
        FloatVector sum = FloatVector.zero(SPECIES);
        int i = 0;
        for (int bound = SPECIES.loopBound(a.length); i < bound; i += SPECIES.length()) {
            FloatVector diff = FloatVector.fromArray(SPECIES, a, i).sub(FloatVector.fromArray(SPECIES, b, i));
            sum = diff.fma(diff, sum);
        }
        float result = sum.reduceLanes(VectorOperators.ADD);
        for (; i < a.length; i++) {
            float diff = a[i] - b[i];
            result += diff * diff;
        }
        return result;
    }

    /** Σ a[aOffset + i] * b[bOffset + i] over {@code length} int8 values, in int. */
    static int dotBytes(byte[] a, int aOffset, byte[] b, int bOffset, int length) {
        IntVector sum = IntVector.zero(INTS);
        int i = 0;
        for (int bound = BYTES.loopBound(length); i < bound; i += BYTES.length()) {
            IntVector va = (IntVector) ByteVector.fromArray(BYTES, a, aOffset + i)
                    .convertShape(VectorOperators.B2I, INTS, 0);
            IntVector vb = (IntVector) ByteVector.fromArray(BYTES, b, bOffset + i)
                    .convertShape(VectorOperators.B2I, INTS, 0);
            sum = sum.add(va.mul(vb));
        }
        int result = sum.reduceLanes(VectorOperators.ADD);
        for (; i < length; i++) {
            result += a[aOffset + i] * b[bOffset + i];
        }
        return result;
    }
}

package dev.quire.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.apache.lucene.index.VectorSimilarityFunction;
import org.junit.jupiter.api.Test;

/**
 * The SIMD kernel scores as Lucene does (to float rounding) for every similarity it implements and
 * for dimensions that are and are not a multiple of the SIMD width (the scalar tail).
 */
class VectorKernelTest {
    @Test
    void thisModulesTestsRunWithTheSimdKernel() {
        // The pom starts these tests with --add-modules jdk.incubator.vector; without it, the test
        // below would compare Lucene with itself.
        assertThat(VectorKernel.SIMD).isTrue();
        assertThat(VectorKernel.of(VectorSimilarityFunction.COSINE, new float[] {1, 0}))
                .isInstanceOf(PanamaVectorKernel.class);
    }

    @Test
    void simdScoresMatchLucenesForEverySimilarityAndDimension() {
        SplittableRandom random = new SplittableRandom(11);
        for (VectorSimilarityFunction function : new VectorSimilarityFunction[] {VectorSimilarityFunction.COSINE,
                VectorSimilarityFunction.DOT_PRODUCT, VectorSimilarityFunction.EUCLIDEAN,
                VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT}) {
            for (int dimension : new int[] {1, 3, 8, 16, 17, 383, 384, 385, 1536}) {
                for (int trial = 0; trial < 20; trial++) {
                    boolean unit = function == VectorSimilarityFunction.DOT_PRODUCT;
                    float[] query = vector(random, dimension, unit);
                    float[] stored = vector(random, dimension, unit);
                    float expected = function.compare(query, stored);
                    float actual = VectorKernel.of(function, query).score(stored);
                    assertThat(actual).as(function + " at " + dimension).isCloseTo(expected,
                            within(1e-5f * Math.max(1, Math.abs(expected))));
                }
            }
        }
    }

    @Test
    void theNearerVectorScoresHigher() {
        float[] query = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        float[] near = query.clone();
        near[1] = 0.1f;
        float[] far = query.clone();
        far[0] = -1;
        for (VectorSimilarityFunction function : new VectorSimilarityFunction[] {VectorSimilarityFunction.COSINE,
                VectorSimilarityFunction.EUCLIDEAN}) {
            VectorKernel kernel = VectorKernel.of(function, query);
            assertThat(kernel.score(near)).as(function.toString()).isGreaterThan(kernel.score(far));
        }
    }

    private static float[] vector(SplittableRandom random, int dimension, boolean unit) {
        float[] v = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) (random.nextDouble() * 2 - 1);
            norm += v[i] * v[i];
        }
        if (unit) {
            for (int i = 0; i < dimension; i++) {
                v[i] /= (float) Math.sqrt(norm);
            }
        }
        return v;
    }
}

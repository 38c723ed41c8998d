package dev.quire.index.lucene;

import dev.quire.spi.search.AclTerms;
import dev.quire.spi.search.IndexedChunk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The synthetic corpus of the retrieval benchmark ({@link RetrievalBench}): text of
 * {@value #WORDS_PER_CHUNK} Zipf-distributed words from a vocabulary of {@value #VOCABULARY}, random
 * unit vectors of {@value #DIM} dimensions made WITHOUT an embedding model, and ACLs by bucket: each
 * chunk is in one of 100 buckets readable by group "b&lt;bucket&gt;", one in five only through an AND
 * clause with group "staff", one in twenty also denying a user. Chunk {@code i} depends only on
 * (seed, i), so any number of threads builds the same index.
 */
public final class SyntheticChunks {
    public static final int DIM = 384;
    public static final int VOCABULARY = 20_000;
    public static final int WORDS_PER_CHUNK = 80;
    public static final int BUCKETS = 100;
    public static final String APP = "bench-app";
    public static final String INDEX = "bench-index";
    /** Bumped whenever the generated content changes, so a stale on-disk index is never reused. */
    public static final String SHAPE = "zipf20k-w80-d384-b100-staff5-deny20-v1";

    private static final double[] ZIPF = zipfCumulative(VOCABULARY);

    private final long seed;

    public SyntheticChunks(long seed) {
        this.seed = seed;
    }

    public IndexedChunk chunk(int i) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        StringBuilder text = new StringBuilder(WORDS_PER_CHUNK * 6);
        for (int w = 0; w < WORDS_PER_CHUNK; w++) {
            text.append('w').append(word(random)).append(' ');
        }
        String group = "group:b" + random.nextInt(BUCKETS);
        Set<String> clause = random.nextInt(5) == 0 ? Set.of(group, "group:staff") : Set.of(group);
        Set<String> deny = random.nextInt(20) == 0 ? Set.of("user:blocked@example.com") : Set.of();
        return new IndexedChunk(APP, INDEX, "doc-" + i / 4, "chunk-" + i, i % 4, "Document " + i / 4, List.of(),
                text.toString(), "s3://bench/" + i / 4, "ds-bench", Map.of(), unitVector(random),
                new AclTerms(deny, List.of(clause)), Instant.EPOCH);
    }

    /**
     * {@code sentences} sentences of {@code wordsPerSentence} Zipf-distributed words ("w17 w3 w940.")
     * from the same vocabulary as the chunks: text with the term statistics of real prose (a few words
     * everywhere, most words rare), for benchmarks that need sentences, such as answering.
     */
    public static String zipfSentences(RandomGenerator random, int sentences, int wordsPerSentence) {
        StringBuilder text = new StringBuilder(sentences * wordsPerSentence * 6);
        for (int s = 0; s < sentences; s++) {
            for (int w = 0; w < wordsPerSentence; w++) {
                text.append('w').append(word(random)).append(w == wordsPerSentence - 1 ? ". " : " ");
            }
        }
        return text.toString();
    }

    /** A user in {@code buckets} bucket groups and "staff": reads about buckets% of the chunks. */
    public static Set<String> readerOf(int buckets) {
        List<String> p = new ArrayList<>(List.of("user:reader-" + buckets + "@example.com", "group:staff"));
        for (int b = 0; b < buckets; b++) {
            p.add("group:b" + b);
        }
        return Set.copyOf(p);
    }

    /** Two or three words from the moderately common part of the vocabulary. */
    public static String queryText(RandomGenerator random) {
        int n = 2 + random.nextInt(2);
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < n; i++) {
            q.append('w').append(20 + random.nextInt(2_000)).append(' ');
        }
        return q.toString();
    }

    public static float[] unitVector(RandomGenerator random) {
        return unitVector(random, DIM);
    }

    /** A random unit vector of {@code dimension} dimensions (Gaussian components, normalised). */
    public static float[] unitVector(RandomGenerator random, int dimension) {
        float[] v = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimension; i++) {
            v[i] *= inv;
        }
        return v;
    }

    private static int word(RandomGenerator random) {
        int i = Arrays.binarySearch(ZIPF, random.nextDouble());
        return i >= 0 ? i : Math.min(ZIPF.length - 1, -i - 1);
    }

    private static double[] zipfCumulative(int n) {
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / (i + 1);
            c[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            c[i] /= sum;
        }
        return c;
    }
}

package dev.quire.index.lucene;

import dev.quire.spi.search.AclTerms;
import dev.quire.spi.search.IndexedChunk;
import dev.quire.spi.search.SearchRequest;
import dev.quire.spi.search.SearchRequest.Mode;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Query latency of the Lucene index on synthetic data: Zipf-distributed random vocabulary, random
 * unit vectors of 384 dimensions (NOT produced by an embedding model, so kNN recall and graph shape
 * are those of uniform random data, a pessimistic case for HNSW) and random ACLs. Each chunk is in
 * one of 100 buckets and readable by group "b&lt;bucket&gt;" (one chunk in five through an AND clause
 * with group "staff", one in twenty also denying a user), so the users below may read about 1%, 10%
 * and 50% of the chunks. Prints p50/p99 per configuration. Run: {@code main [chunks] [queries]}.
 */
public final class LuceneBench {
    private static final int DIM = 384;
    private static final int VOCABULARY = 20_000;
    private static final int WORDS_PER_CHUNK = 80;
    private static final int LIMIT = 10;
    private static final String APP = "bench-app";
    private static final String INDEX = "bench-index";

    private LuceneBench() {
    }

    public static void main(String[] args) {
        run(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 100_000,
                args.length > 1 ? Integer.parseInt(args[1]) : 1_000);
    }

    public static void run(PrintStream out, int chunks, int queries) {
        Path dir;
        try {
            dir = Files.createTempDirectory("quire-lucene-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Random random = new Random(42);
        double[] zipf = zipfCumulative(VOCABULARY);
        out.printf("LuceneBench: %,d chunks, %,d queries per row, top %d, on-disk index in %s%n", chunks, queries, LIMIT, dir);
        out.printf("  vectors: random unit vectors, %d dims, generated WITHOUT a model; text: %d Zipf words of %,d%n",
                DIM, WORDS_PER_CHUNK, VOCABULARY);
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            long start = System.nanoTime();
            int batch = 5_000;
            for (int from = 0; from < chunks; from += batch) {
                List<IndexedChunk> docs = new ArrayList<>();
                for (int i = from; i < Math.min(chunks, from + batch); i++) {
                    docs.add(randomChunk(random, zipf, i));
                }
                index.bulkAddForBenchmark(docs);
            }
            out.printf("  indexed in %.1f s; index size on disk %.0f MB; JVM heap used %.0f MB%n",
                    (System.nanoTime() - start) / 1e9, directorySize(dir) / 1e6, usedHeap() / 1e6);
            out.printf("  %-34s %10s %10s %8s%n", "configuration", "p50 ms", "p99 ms", "hits");
            Map<String, Set<String>> users = Map.of(
                    "1%", principals(1), "10%", principals(10), "50%", principals(50));
            row(out, "BM25 raw (no scope, no ACL)", queries, () -> {
                return index.searchUnfilteredForBenchmark(queryText(random, zipf), LIMIT).size();
            });
            for (Mode mode : Mode.values()) {
                for (String share : List.of("1%", "10%", "50%")) {
                    Set<String> principals = users.get(share);
                    row(out, mode + " ACL, user reads " + share, queries, () -> index.search(new SearchRequest(APP, INDEX,
                            queryText(random, zipf), unitVector(random), principals, null, LIMIT, mode)).size());
                }
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void row(PrintStream out, String name, int queries, Supplier<Integer> query) {
        for (int i = 0; i < Math.min(queries, 100); i++) {
            query.get(); // warm-up
        }
        long[] nanos = new long[queries];
        long hits = 0;
        for (int i = 0; i < queries; i++) {
            long t = System.nanoTime();
            hits += query.get();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        out.printf("  %-34s %10.2f %10.2f %8.1f%n", name, nanos[queries / 2] / 1e6,
                nanos[Math.min(queries - 1, (int) Math.ceil(queries * 0.99) - 1)] / 1e6, hits / (double) queries);
    }

    private static Set<String> principals(int buckets) {
        List<String> p = new ArrayList<>(List.of("user:reader-" + buckets + "@example.com", "group:staff"));
        for (int b = 0; b < buckets; b++) {
            p.add("group:b" + b);
        }
        return Set.copyOf(p);
    }

    private static IndexedChunk randomChunk(Random random, double[] zipf, int i) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < WORDS_PER_CHUNK; w++) {
            text.append('w').append(word(random, zipf)).append(' ');
        }
        String group = "group:b" + random.nextInt(100);
        Set<String> clause = random.nextInt(5) == 0 ? Set.of(group, "group:staff") : Set.of(group);
        Set<String> deny = random.nextInt(20) == 0 ? Set.of("user:blocked@example.com") : Set.of();
        return new IndexedChunk(APP, INDEX, "doc-" + i / 4, "chunk-" + i, i % 4, "Document " + i / 4, List.of(),
                text.toString(), "s3://bench/" + i / 4, "ds-bench", Map.of(), unitVector(random),
                new AclTerms(deny, List.of(clause)), Instant.EPOCH);
    }

    /** Two or three words from the moderately common part of the vocabulary. */
    private static String queryText(Random random, double[] zipf) {
        int n = 2 + random.nextInt(2);
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < n; i++) {
            q.append('w').append(20 + random.nextInt(2_000)).append(' ');
        }
        return q.toString();
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

    private static int word(Random random, double[] zipf) {
        int i = Arrays.binarySearch(zipf, random.nextDouble());
        return i >= 0 ? i : Math.min(zipf.length - 1, -i - 1);
    }

    private static float[] unitVector(Random random) {
        float[] v = new float[DIM];
        double norm = 0;
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < DIM; i++) {
            v[i] *= inv;
        }
        return v;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long directorySize(Path dir) {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp directory
        }
    }
}

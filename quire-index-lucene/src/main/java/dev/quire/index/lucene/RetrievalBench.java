package dev.quire.index.lucene;

import dev.quire.spi.search.SearchRequest;
import dev.quire.spi.search.SearchRequest.Mode;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;

/**
 * Query latency of ACL-filtered retrieval over an on-disk index of {@link SyntheticChunks} that is
 * built once into a directory and reused by later runs (see {@link BenchIndexBuilder}). Every query
 * goes through {@link LuceneSearchIndex#search}, the path users take, except the first row, which
 * is raw Lucene BM25 with no scope and no ACL as the baseline. Rows: BM25, kNN and hybrid (RRF)
 * with the ACL of a user who may read about 1%, 10% and 50% of the chunks; top {@value #LIMIT};
 * single-threaded; p50/p99 after 100 warm-up queries.
 */
public final class RetrievalBench {
    static final int LIMIT = 10;
    static final long SEED = 42;

    private RetrievalBench() {
    }

    /** {@code main DIR CHUNKS [QUERIES] [--build-only]}. */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int chunks = Integer.parseInt(args[1]);
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        boolean buildOnly = List.of(args).contains("--build-only");
        if (buildOnly) {
            BenchIndexBuilder.ensure(System.out, dir, chunks, SEED, buildThreads(), 1536);
        } else {
            run(System.out, dir, chunks, queries);
        }
    }

    static int buildThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    public static void run(PrintStream out, Path dir, int chunks, int queries) {
        out.printf("Retrieval benchmark: %,d chunks on disk in %s, %,d queries per row, top %d, 1 thread%n",
                chunks, dir, queries, LIMIT);
        out.printf("  vectors: random unit vectors of %d dimensions made WITHOUT the embedding model;"
                + " text: %d Zipf words of %,d%n", SyntheticChunks.DIM, SyntheticChunks.WORDS_PER_CHUNK,
                SyntheticChunks.VOCABULARY);
        out.println("  ACLs: 100 bucket groups, 1 chunk in 5 via an AND clause with group:staff, 1 in 20 denies a user");
        BenchIndexBuilder.ensure(out, dir, chunks, SEED, buildThreads(), 1536);
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir, null)) {
            out.printf("  %d segment(s), JDK %s%n", index.segmentCount(), Runtime.version());
            SplittableRandom random = new SplittableRandom(7);
            out.printf("  %-36s %10s %10s %8s%n", "configuration", "p50 ms", "p99 ms", "hits");
            row(out, "BM25 raw Lucene (no scope, no ACL)", queries,
                    () -> index.searchUnfilteredForBenchmark(SyntheticChunks.queryText(random), LIMIT).size());
            for (Mode mode : Mode.values()) {
                for (int share : new int[] {1, 10, 50}) {
                    Set<String> principals = SyntheticChunks.readerOf(share);
                    row(out, mode + " + ACL, user reads " + share + "%", queries, () -> index.search(new SearchRequest(
                            SyntheticChunks.APP, SyntheticChunks.INDEX, SyntheticChunks.queryText(random),
                            SyntheticChunks.unitVector(random), principals, null, LIMIT, mode)).size());
                }
            }
        }
    }

    private static void row(PrintStream out, String name, int queries, IntSupplier query) {
        for (int i = 0; i < Math.min(queries, 100); i++) {
            query.getAsInt();
        }
        long[] nanos = new long[queries];
        long hits = 0;
        for (int i = 0; i < queries; i++) {
            long t = System.nanoTime();
            hits += query.getAsInt();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        out.printf("  %-36s %10.2f %10.2f %8.1f%n", name, nanos[queries / 2] / 1e6,
                nanos[Math.min(queries - 1, (int) Math.ceil(queries * 0.99) - 1)] / 1e6, hits / (double) queries);
    }
}

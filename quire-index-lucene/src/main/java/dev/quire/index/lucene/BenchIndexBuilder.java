package dev.quire.index.lucene;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds the retrieval benchmark's on-disk index of {@link SyntheticChunks}, or reuses the one a
 * directory already holds. The build bypasses {@link LuceneSearchIndex}'s per-write commit: plain
 * {@code addDocument} from several threads (one Lucene segment writer each), a large RAM buffer so
 * few, large segments are flushed, and ONE commit at the very end carrying the build parameters as
 * commit user data. An interrupted build therefore leaves no commit, and a directory is reused only
 * when its commit says it holds exactly this corpus (chunk count, seed, shape) and the count of
 * live documents agrees.
 */
final class BenchIndexBuilder {
    static final String CHUNKS = "quire.bench.chunks";
    static final String SEED = "quire.bench.seed";
    static final String SHAPE = "quire.bench.shape";
    static final String BUILD_SECONDS = "quire.bench.buildSeconds";

    private BenchIndexBuilder() {
    }

    /** Ensures {@code dir} holds the corpus; returns the build seconds recorded in its commit. */
    static double ensure(PrintStream out, Path dir, int chunks, long seed, int threads, int ramBufferMb) {
        try {
            Files.createDirectories(dir);
            try (Directory d = FSDirectory.open(dir)) {
                if (DirectoryReader.indexExists(d)) {
                    Map<String, String> data = SegmentInfos.readLatestCommit(d).getUserData();
                    int live;
                    try (DirectoryReader r = DirectoryReader.open(d)) {
                        live = r.numDocs();
                    }
                    if (String.valueOf(chunks).equals(data.get(CHUNKS)) && String.valueOf(seed).equals(data.get(SEED))
                            && SyntheticChunks.SHAPE.equals(data.get(SHAPE)) && live == chunks) {
                        out.printf("  reusing the index in %s (%,d chunks, built in %s s)%n", dir, chunks,
                                data.getOrDefault(BUILD_SECONDS, "?"));
                        return Double.parseDouble(data.getOrDefault(BUILD_SECONDS, "NaN"));
                    }
                    throw new IllegalStateException(dir + " already holds an index that is not this benchmark's corpus"
                            + " (its commit says chunks=" + data.get(CHUNKS) + ", seed=" + data.get(SEED) + ", shape="
                            + data.get(SHAPE) + ", live documents=" + live + "; wanted chunks=" + chunks + ", seed=" + seed
                            + "). Choose another --index-dir or delete that directory.");
                }
                return build(out, d, chunks, seed, threads, ramBufferMb);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the benchmark index in " + dir, e);
        }
    }

    private static double build(PrintStream out, Directory d, int chunks, long seed, int threads, int ramBufferMb)
            throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(new EnglishAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(ramBufferMb)
                .setCommitOnClose(false)
                // Merging HNSW graphs re-inserts vectors (as costly as the build itself); the few
                // large segments a big RAM buffer flushes are searched as they are.
                .setMergePolicy(NoMergePolicy.INSTANCE);
        SyntheticChunks corpus = new SyntheticChunks(seed);
        long start = System.nanoTime();
        out.printf("  building %,d chunks with %d threads, RAM buffer %d MB, one commit at the end%n",
                chunks, threads, ramBufferMb);
        try (IndexWriter writer = new IndexWriter(d, config)) {
            AtomicInteger next = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    try {
                        for (int from; (from = next.getAndAdd(1_000)) < chunks && failure.get() == null; ) {
                            for (int i = from; i < Math.min(chunks, from + 1_000); i++) {
                                writer.addDocument(ChunkDocuments.toDocument(corpus.chunk(i)));
                                done.incrementAndGet();
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "bench-index-" + t);
                worker.start();
                workers.add(worker);
            }
            waitWithProgress(out, workers, done, chunks, start);
            if (failure.get() != null) {
                throw new IllegalStateException("building the benchmark index failed", failure.get());
            }
            out.printf("  all %,d chunks added in %.0f s; committing (flushes the last segments)%n",
                    chunks, seconds(start));
            double seconds = seconds(start);
            writer.setLiveCommitData(Map.of(CHUNKS, String.valueOf(chunks), SEED, String.valueOf(seed),
                    SHAPE, SyntheticChunks.SHAPE, BUILD_SECONDS, String.format("%.0f", seconds)).entrySet());
            writer.commit();
            double total = seconds(start);
            out.printf("  built and committed in %.0f s (%,.0f chunks/s); %d segments%n", total, chunks / total,
                    segmentCount(d));
            return total;
        }
    }

    private static void waitWithProgress(PrintStream out, List<Thread> workers, AtomicInteger done, int chunks,
                                         long start) {
        try {
            for (Thread worker : workers) {
                while (worker.isAlive()) {
                    worker.join(15_000);
                    int n = done.get();
                    double s = seconds(start);
                    if (worker.isAlive() && n > 0) {
                        double rate = n / s;
                        out.printf("  %,d / %,d chunks (%.0f%%), %,.0f chunks/s, elapsed %.0f s, ETA %.0f s%n",
                                n, chunks, 100.0 * n / chunks, rate, s, (chunks - n) / rate);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the benchmark index", e);
        }
    }

    private static int segmentCount(Directory d) throws IOException {
        return SegmentInfos.readLatestCommit(d).size();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

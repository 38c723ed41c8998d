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
 * {@code addDocument} from several threads (one Lucene segment writer each) with a large RAM buffer
 * so few, large segments are flushed, and a commit only every {@value #ROUND} chunks. Each commit
 * records the build parameters and how many chunks are in (chunks 0..done-1), so an interrupted
 * build RESUMES from its last commit, and a directory is reused only when its commit says it holds
 * exactly this corpus (chunk count, seed, shape) complete, and the count of live documents agrees.
 */
final class BenchIndexBuilder {
    static final String CHUNKS = "quire.bench.chunks";
    static final String DONE = "quire.bench.done";
    static final String SEED = "quire.bench.seed";
    static final String SHAPE = "quire.bench.shape";
    static final String BUILD_SECONDS = "quire.bench.buildSeconds";
    /** Chunks between commits: each commit flushes a segment per thread, so few rounds keep segments large. */
    static final int ROUND = 250_000;

    private BenchIndexBuilder() {
    }

    /** Ensures {@code dir} holds the corpus; returns the build seconds recorded in its commit. */
    static double ensure(PrintStream out, Path dir, int chunks, long seed, int threads, int ramBufferMb) {
        return ensure(out, dir, chunks, seed, threads, ramBufferMb, ROUND);
    }

    static double ensure(PrintStream out, Path dir, int chunks, long seed, int threads, int ramBufferMb, int round) {
        try {
            Files.createDirectories(dir);
            try (Directory d = FSDirectory.open(dir)) {
                int done = 0;
                double spent = 0;
                if (DirectoryReader.indexExists(d)) {
                    Map<String, String> data = SegmentInfos.readLatestCommit(d).getUserData();
                    int live;
                    try (DirectoryReader r = DirectoryReader.open(d)) {
                        live = r.numDocs();
                    }
                    String recordedDone = data.getOrDefault(DONE, data.get(CHUNKS));
                    boolean same = String.valueOf(chunks).equals(data.get(CHUNKS))
                            && String.valueOf(seed).equals(data.get(SEED)) && SyntheticChunks.SHAPE.equals(data.get(SHAPE))
                            && recordedDone != null && String.valueOf(live).equals(recordedDone);
                    if (!same) {
                        throw new IllegalStateException(dir + " already holds an index that is not this benchmark's"
                                + " corpus (its commit says chunks=" + data.get(CHUNKS) + ", done=" + recordedDone
                                + ", seed=" + data.get(SEED) + ", shape=" + data.get(SHAPE) + ", live documents=" + live
                                + "; wanted chunks=" + chunks + ", seed=" + seed + ")."
                                + " Choose another --index-dir or delete that directory.");
                    }
                    spent = Double.parseDouble(data.getOrDefault(BUILD_SECONDS, "0"));
                    if (live == chunks) {
                        compact(out, d);
                        out.printf("  reusing the index in %s (%,d chunks, built in %.0f s)%n", dir, chunks, spent);
                        return spent;
                    }
                    done = live;
                    out.printf("  resuming the build in %s at chunk %,d of %,d%n", dir, done, chunks);
                }
                return build(out, d, chunks, done, spent, seed, threads, ramBufferMb, round);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the benchmark index in " + dir, e);
        }
    }

    private static double build(PrintStream out, Directory d, int chunks, int done, double spentBefore, long seed,
                                int threads, int ramBufferMb, int round) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(new EnglishAnalyzer())
                .setOpenMode(done == 0 ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                .setRAMBufferSizeMB(ramBufferMb)
                .setCommitOnClose(false)
                // Merging HNSW graphs re-inserts vectors (as costly as the build itself); the few
                // large segments a big RAM buffer flushes are searched as they are.
                .setMergePolicy(NoMergePolicy.INSTANCE);
        SyntheticChunks corpus = new SyntheticChunks(seed);
        long start = System.nanoTime();
        out.printf("  building chunks %,d..%,d with %d threads, RAM buffer %d MB, a commit every %,d chunks%n",
                done, chunks - 1, threads, ramBufferMb, round);
        try (IndexWriter writer = new IndexWriter(d, config)) {
            for (int from = done; from < chunks; from += round) {
                int to = Math.min(chunks, from + round);
                addRange(out, writer, corpus, from, to, chunks, threads, done, start);
                double spent = spentBefore + seconds(start);
                writer.setLiveCommitData(Map.of(CHUNKS, String.valueOf(chunks), DONE, String.valueOf(to),
                        SEED, String.valueOf(seed), SHAPE, SyntheticChunks.SHAPE,
                        BUILD_SECONDS, String.format("%.0f", spent)).entrySet());
                writer.commit();
                out.printf("  committed chunks 0..%,d (%.0f s of building so far)%n", to - 1, spentBefore + seconds(start));
            }
            double total = spentBefore + seconds(start);
            out.printf("  built in %.0f s; %d segments%n", total, SegmentInfos.readLatestCommit(d).size());
        }
        compact(out, d);
        return spentBefore + seconds(start);
    }

    /**
     * Merges the built index into one segment, as Quire's index does once writes pause
     * ({@link IdleCompaction}), so that queries are measured against the state users meet; the HNSW
     * merge runs on all cores ({@link VectorMergeCodec}). Nothing to do if it is one segment already.
     */
    private static void compact(PrintStream out, Directory d) throws IOException {
        int segments = SegmentInfos.readLatestCommit(d).size();
        if (segments <= 1) {
            return;
        }
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        java.util.concurrent.ExecutorService mergeThreads = java.util.concurrent.Executors.newFixedThreadPool(workers);
        long start = System.nanoTime();
        out.printf("  compacting %d segments into one, as Quire's index does when writes pause"
                + " (HNSW merge on %d threads; minutes at a million chunks)%n", segments, workers);
        IndexWriterConfig config = new IndexWriterConfig(new EnglishAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.APPEND)
                .setCodec(VectorMergeCodec.withMergeWorkers(workers, mergeThreads));
        try (IndexWriter writer = new IndexWriter(d, config)) {
            writer.forceMerge(1, true);
            writer.commit();
        } finally {
            mergeThreads.shutdown();
        }
        out.printf("  compacted in %.0f s%n", seconds(start));
    }

    private static void addRange(PrintStream out, IndexWriter writer, SyntheticChunks corpus, int from, int to,
                                 int chunks, int threads, int doneAtStart, long start) {
        AtomicInteger next = new AtomicInteger(from);
        AtomicInteger added = new AtomicInteger(from);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    for (int block; (block = next.getAndAdd(1_000)) < to && failure.get() == null; ) {
                        for (int i = block; i < Math.min(to, block + 1_000); i++) {
                            writer.addDocument(ChunkDocuments.toDocument(corpus.chunk(i)));
                            added.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-index-" + t);
            worker.start();
            workers.add(worker);
        }
        try {
            for (Thread worker : workers) {
                while (worker.isAlive()) {
                    worker.join(15_000);
                    int n = added.get();
                    double s = seconds(start);
                    if (worker.isAlive() && n > doneAtStart) {
                        double rate = (n - doneAtStart) / s;
                        out.printf("  %,d / %,d chunks (%.0f%%), %,.0f chunks/s, elapsed %.0f s, ETA %.0f s%n",
                                n, chunks, 100.0 * n / chunks, rate, s, (chunks - n) / rate);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the benchmark index", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("building the benchmark index failed", failure.get());
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

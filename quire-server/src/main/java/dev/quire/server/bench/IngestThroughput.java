package dev.quire.server.bench;

import dev.quire.core.ingest.Chunk;
import dev.quire.core.ingest.Chunker;
import dev.quire.core.qbusiness.documents.IndexingWorker;
import dev.quire.core.retrieval.SearchIndexer;
import dev.quire.embed.onnx.OnnxEmbedder;
import dev.quire.extract.tika.TikaTextExtractor;
import dev.quire.index.lucene.LuceneSearchIndex;
import dev.quire.spi.extract.ExtractionException;
import dev.quire.spi.embed.Embedder;
import dev.quire.spi.index.IndexableDocument;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingestion throughput against its ceiling: Markdown pages of ~1,500 words (a fixed vocabulary,
 * seeded, so every run sees the same text) go through {@link SearchIndexer#indexAll} in the indexing
 * worker's batches (extract → chunk → embed in full batches → Lucene on disk, one commit per batch) and the same chunk texts go straight to the
 * model in batches of 32. Rounds alternate raw/pipeline so both see the same machine load.
 */
public final class IngestThroughput {
    static final String[] WORDS = ("the a of to and in for on with by from that this each every new our "
            + "onboarding checklist project team member access request laptop security training badge manager "
            + "review quarterly plan release customer support escalation policy benefit payroll holiday schedule "
            + "deployment incident retrospective roadmap budget invoice vendor contract approval office travel "
            + "expense report meeting agenda decision owner deadline milestone risk mitigation backup restore "
            + "database service cluster network firewall certificate password rotation audit compliance").split(" ");
    private static final int BATCH = 32;

    /** One measurement round. */
    public record Round(int chunks, double rawChunksPerSecond, double pipelineChunksPerSecond,
                        double embedShareOfPipeline, double rawCpuMsPerChunk, double pipelineCpuMsPerChunk) {
        public double ratio() {
            return pipelineChunksPerSecond / rawChunksPerSecond;
        }
    }

    private IngestThroughput() {
    }

    public static void main(String[] args) throws Exception {
        run(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 40, 1_500,
                args.length > 1 ? Integer.parseInt(args[1]) : 2);
    }

    public static List<Round> run(PrintStream out, int documents, int wordsPerDocument, int rounds) throws Exception {
        Path work = Files.createTempDirectory("quire-ingest-bench");
        try {
            OnnxEmbedder embedder = OnnxEmbedder.load(work.resolve("djl"));
            List<byte[]> pages = pages(documents, wordsPerDocument, new Random(42));
            List<String> chunkTexts = chunkTexts(pages);
            embedder.embedAll(chunkTexts.subList(0, Math.min(BATCH, chunkTexts.size()))); // warm-up
            // A server indexes for hours: let the JIT compile Tika's and Lucene's paths before timing (the
            // model is native code and needs no such warm-up).
            pipelineThroughput(embedder, pages, work.resolve("warm-up"));
            out.printf("Ingestion: %d Markdown pages of ~%,d words -> %d chunks (Chunker defaults), model %s, %d cores%n",
                    documents, wordsPerDocument, chunkTexts.size(), embedder.modelName(),
                    Runtime.getRuntime().availableProcessors());
            out.printf("| round | raw model, batches of %d | SearchIndexer end to end | ratio | time in the model"
                    + " | CPU ms/chunk raw | CPU ms/chunk pipeline |%n", BATCH);
            List<Round> results = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                Measured raw = rawThroughput(embedder, chunkTexts);
                TimedEmbedder timed = new TimedEmbedder(embedder);
                Measured pipeline = pipelineThroughput(timed, pages, work.resolve("index-" + r));
                Round round = new Round(chunkTexts.size(), raw.chunksPerSecond(), pipeline.chunksPerSecond(),
                        timed.nanos.get() / (double) pipeline.wallNanos(),
                        raw.cpuNanos() / 1e6 / chunkTexts.size(), pipeline.cpuNanos() / 1e6 / chunkTexts.size());
                results.add(round);
                out.printf("| %5d | %17.1f chunks/s | %17.1f chunks/s | %4.0f%% | %16.0f%% | %16.0f | %21.0f |%n", r,
                        round.rawChunksPerSecond(), round.pipelineChunksPerSecond(), 100 * round.ratio(),
                        100 * round.embedShareOfPipeline(), round.rawCpuMsPerChunk(),
                        round.pipelineCpuMsPerChunk());
            }
            double rawSeconds = results.stream().mapToDouble(x -> x.chunks() / x.rawChunksPerSecond()).sum();
            double pipelineSeconds = results.stream().mapToDouble(x -> x.chunks() / x.pipelineChunksPerSecond()).sum();
            int chunks = chunkTexts.size() * results.size();
            out.printf("|   all | %17.1f chunks/s | %17.1f chunks/s | %4.0f%% |%n", chunks / rawSeconds,
                    chunks / pipelineSeconds, 100 * rawSeconds / pipelineSeconds);
            return results;
        } finally {
            BenchFiles.deleteRecursively(work);
        }
    }

    /** CPU time of the whole process (model threads included): less sensitive to other load than wall time. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** One timed run: chunks/s by wall time, and the process CPU time spent over the same window. */
    private record Measured(double chunksPerSecond, long wallNanos, long cpuNanos) {
    }

    private static Measured rawThroughput(OnnxEmbedder embedder, List<String> texts) {
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < texts.size(); i += BATCH) {
            embedder.embedAll(texts.subList(i, Math.min(texts.size(), i + BATCH)));
        }
        long wall = System.nanoTime() - start;
        return new Measured(texts.size() / (wall / 1e9), wall, processCpuNanos() - cpu);
    }

    private static Measured pipelineThroughput(Embedder embedder, List<byte[]> pages, Path dir) {
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            SearchIndexer indexer = new SearchIndexer(new TikaTextExtractor(), new Chunker(), embedder, index,
                    Clock.systemUTC());
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            // As the indexing worker drives it: batches of up to BATCH_DOCUMENTS documents.
            List<IndexableDocument> batch = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                batch.add(new IndexableDocument("bench-app", "bench-index", "page-" + i, "page-" + i + ".md",
                        "MD", pages.get(i), Map.of(), null, null, 1));
                if (batch.size() == IndexingWorker.Settings.BATCH_DOCUMENTS || i == pages.size() - 1) {
                    indexer.indexAll(batch).forEach(o -> {
                        if (!o.isIndexed()) {
                            throw new IllegalStateException(o.document().documentId() + " failed", o.failure());
                        }
                    });
                    batch.clear();
                }
            }
            long wall = System.nanoTime() - start;
            long cpuNanos = processCpuNanos() - cpu;
            return new Measured(index.chunkCount("bench-app", "bench-index") / (wall / 1e9), wall, cpuNanos);
        }
    }

    /** Counts the time the pipeline spends inside the model, to split the gap into model and the rest. */
    private static final class TimedEmbedder implements Embedder {
        private final Embedder model;
        private final AtomicLong nanos = new AtomicLong();

        TimedEmbedder(Embedder model) {
            this.model = model;
        }

        @Override
        public int dimension() {
            return model.dimension();
        }

        @Override
        public String modelName() {
            return model.modelName();
        }

        @Override
        public float[] embed(String text) {
            return embedAll(List.of(text)).get(0);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            long start = System.nanoTime();
            try {
                return model.embedAll(texts);
            } finally {
                nanos.addAndGet(System.nanoTime() - start);
            }
        }
    }

    /** The texts the pipeline embeds (heading line + chunk), computed outside any timing. */
    private static List<String> chunkTexts(List<byte[]> pages) throws ExtractionException {
        TikaTextExtractor extractor = new TikaTextExtractor();
        Chunker chunker = new Chunker();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            String title = "page-" + i + ".md";
            for (Chunk c : chunker.chunk(extractor.extract(pages.get(i), "MD", title), title)) {
                texts.add(c.searchText());
            }
        }
        return texts;
    }

    /** Pages of sentences of 8–20 words, a "##" heading every ~300 words. */
    static List<byte[]> pages(int n, int words, Random random) {
        List<byte[]> pages = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            StringBuilder md = new StringBuilder("# Handbook page ").append(p).append("\n\n");
            int written = 0;
            int section = 0;
            while (written < words) {
                if (written / 300 >= section) {
                    section++;
                    md.append("\n## ").append(capitalised(WORDS[random.nextInt(WORDS.length)])).append(' ')
                            .append(WORDS[random.nextInt(WORDS.length)]).append("\n\n");
                }
                int length = 8 + random.nextInt(13);
                for (int w = 0; w < length; w++) {
                    String word = WORDS[random.nextInt(WORDS.length)];
                    md.append(w == 0 ? capitalised(word) : word).append(w == length - 1 ? ". " : " ");
                }
                written += length;
                if (random.nextInt(5) == 0) {
                    md.append("\n\n");
                }
            }
            pages.add(md.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }
        return pages;
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}

package dev.quire.server.bench;

import dev.quire.core.ingest.Chunker;
import dev.quire.core.retrieval.SearchIndexer;
import dev.quire.embed.onnx.OnnxEmbedder;
import dev.quire.extract.tika.TikaTextExtractor;
import dev.quire.index.lucene.LuceneSearchIndex;
import dev.quire.server.bench.QualityQuestions.Question;
import dev.quire.spi.index.IndexableDocument;
import dev.quire.spi.search.ChunkHit;
import dev.quire.spi.search.SearchRequest;
import dev.quire.spi.search.SearchRequest.Mode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Retrieval quality on a real corpus: the Python 3.11 library reference as Debian ships it
 * ({@code apt-get install python3.11-doc}). Every page of {@link QualityQuestions#files} goes
 * through the production pipeline ({@link SearchIndexer}: Tika → Chunker → the ONNX model → an
 * on-disk Lucene index, readable by everyone), then each question is asked in the three search
 * modes. Scored by document: a question's rank is that of the first chunk of any answering page.
 * Prints Recall@5 and MRR@10 per mode. Run: {@code main [htmlDir] [maxFiles]}.
 */
public final class RetrievalQuality {
    public static final Path DEBIAN_HTML_DIR = Path.of("/usr/share/doc/python3.11/html");
    private static final String APP = "quality-app";
    private static final String INDEX = "quality-index";
    private static final int DEPTH = 10;
    private static final Set<String> READER = Set.of("user:reader@example.com");

    /** One mode's scores over {@code questions} questions. */
    public record Score(Mode mode, int questions, double recallAt5, double mrr) {
    }

    private RetrievalQuality() {
    }

    public static void main(String[] args) throws IOException {
        run(System.out, args.length > 0 ? Path.of(args[0]) : DEBIAN_HTML_DIR,
                args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE);
    }

    public static List<Score> run(PrintStream out, Path htmlDir, int maxFiles) throws IOException {
        if (!Files.isDirectory(htmlDir.resolve("library"))) {
            throw new IllegalArgumentException(htmlDir + "/library is missing: install the corpus with"
                    + " 'apt-get install -y python3.11-doc' (or pass the html directory)");
        }
        Path work = Files.createTempDirectory("quire-quality");
        try (LuceneSearchIndex index = LuceneSearchIndex.open(work.resolve("index"))) {
            OnnxEmbedder embedder = OnnxEmbedder.load(work.resolve("djl"));
            SearchIndexer indexer = new SearchIndexer(new TikaTextExtractor(), new Chunker(), embedder, index,
                    Clock.systemUTC());
            List<String> indexed = ingest(out, htmlDir, maxFiles, indexer, index);
            List<Question> questions = QualityQuestions.questions().stream()
                    .filter(q -> q.answers().stream().anyMatch(indexed::contains)).toList();
            out.printf("%d questions whose answer is indexed; rank = position of the first chunk of an answering page"
                    + " (top %d)%n", questions.size(), DEPTH);
            out.printf("| %-86s | %5s | %6s | %6s |%n", "question", "BM25", "vector", "hybrid");
            Map<Mode, int[]> ranks = new EnumMap<>(Mode.class);
            for (Mode mode : Mode.values()) {
                ranks.put(mode, new int[questions.size()]);
            }
            for (int i = 0; i < questions.size(); i++) {
                Question q = questions.get(i);
                float[] vector = embedder.embed(q.text());
                for (Mode mode : Mode.values()) {
                    List<ChunkHit> hits = index.search(new SearchRequest(APP, INDEX, q.text(),
                            mode == Mode.BM25 ? null : vector, READER, null, DEPTH, mode));
                    ranks.get(mode)[i] = rankOfFirstAnswer(hits, q.answers());
                }
                out.printf("| %-86s | %5s | %6s | %6s |%n", q.text(), show(ranks.get(Mode.BM25)[i]),
                        show(ranks.get(Mode.VECTOR)[i]), show(ranks.get(Mode.HYBRID)[i]));
            }
            List<Score> scores = new ArrayList<>();
            out.printf("%n| mode   | Recall@5 | MRR@%d |%n", DEPTH);
            for (Mode mode : Mode.values()) {
                Score s = score(mode, ranks.get(mode));
                scores.add(s);
                out.printf("| %-6s | %8.3f | %6.3f |%n", mode, s.recallAt5(), s.mrr());
            }
            return scores;
        } finally {
            BenchFiles.deleteRecursively(work);
        }
    }

    private static List<String> ingest(PrintStream out, Path htmlDir, int maxFiles, SearchIndexer indexer,
                                       LuceneSearchIndex index) throws IOException {
        List<String> files = QualityQuestions.files(maxFiles);
        List<String> indexed = new ArrayList<>();
        long bytes = 0;
        long start = System.nanoTime();
        for (String file : files) {
            Path path = htmlDir.resolve(file);
            if (!Files.isRegularFile(path)) {
                out.println("  skipped (missing): " + file);
                continue;
            }
            byte[] html = Files.readAllBytes(path);
            bytes += html.length;
            // No title: like a crawled page, the chunks carry the page's own <title>.
            indexer.index(new IndexableDocument(APP, INDEX, file, null, "HTML", html, Map.of(), null, null, 1));
            indexed.add(file);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long chunks = index.chunkCount(APP, INDEX);
        out.printf("Corpus: %s, %d pages (%.1f MB of HTML) -> %,d chunks in %.0f s (%.1f chunks/s end to end; %s)%n",
                htmlDir, indexed.size(), bytes / 1e6, chunks, seconds, chunks / seconds, indexer.progress());
        return indexed;
    }

    static int rankOfFirstAnswer(List<ChunkHit> hits, Set<String> answers) {
        for (int r = 0; r < hits.size(); r++) {
            if (answers.contains(hits.get(r).chunk().documentId())) {
                return r + 1;
            }
        }
        return 0;
    }

    static Score score(Mode mode, int[] ranks) {
        int found = 0;
        double reciprocal = 0;
        for (int r : ranks) {
            if (r >= 1 && r <= 5) {
                found++;
            }
            if (r >= 1) {
                reciprocal += 1.0 / r;
            }
        }
        int n = Math.max(1, ranks.length);
        return new Score(mode, ranks.length, found / (double) n, reciprocal / n);
    }

    private static String show(int rank) {
        return rank == 0 ? "-" : Integer.toString(rank);
    }
}

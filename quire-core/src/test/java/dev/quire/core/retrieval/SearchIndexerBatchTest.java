package dev.quire.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.core.chat.HashingEmbedder;
import dev.quire.core.chat.PlainTextExtractor;
import dev.quire.core.ingest.Chunker;
import dev.quire.index.lucene.LuceneSearchIndex;
import dev.quire.spi.embed.Embedder;
import dev.quire.spi.index.IndexOutcome;
import dev.quire.spi.index.IndexableDocument;
import dev.quire.spi.index.PermanentIndexingFailure;
import dev.quire.spi.search.ChunkHit;
import dev.quire.spi.search.SearchRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link SearchIndexer#indexAll}: shared embedding batches, writes overlapping the model, per-document outcomes. */
class SearchIndexerBatchTest {
    static final String APP = "app";
    static final String INDEX = "index";
    final LuceneSearchIndex index = LuceneSearchIndex.openInMemory();
    final WatchedEmbedder embedder = new WatchedEmbedder(new HashingEmbedder(16));
    final Chunker chunker = new Chunker(200, 0);
    final SearchIndexer indexer = new SearchIndexer(new PlainTextExtractor(), chunker, embedder, index,
            Clock.systemUTC());

    @AfterEach
    void close() {
        index.close();
    }

    /** A page of {@code sentences} sentences, ~one chunk per two sentences with the small chunker. */
    static IndexableDocument doc(String id, int sentences, String word) {
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            text.append("Sentence ").append(s).append(" of ").append(id).append(" is about the ").append(word)
                    .append(" rollout plan for every team. ");
        }
        return new IndexableDocument(APP, INDEX, id, id + ".txt", "PLAIN_TEXT",
                text.toString().getBytes(StandardCharsets.UTF_8), Map.of(), null, null, 1);
    }

    List<String> found(String word) {
        return index.search(new SearchRequest(APP, INDEX, word, null, Set.of(), null, 500, SearchRequest.Mode.BM25))
                .stream().map(ChunkHit::chunk).map(c -> c.documentId()).distinct().sorted().toList();
    }

    @Test
    void chunksOfManyDocumentsAreEmbeddedInFullBatchesAcrossDocuments() {
        List<IndexableDocument> docs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            docs.add(doc("d" + i, 30, "zebra"));
        }
        int chunks = docs.stream().mapToInt(d -> chunker.chunk(new PlainTextExtractor().extract(d.content(), "PLAIN_TEXT",
                d.title()), d.title()).size()).sum();
        assertThat(chunks).as("the documents need several batches").isGreaterThan(64);

        List<IndexOutcome> outcomes = indexer.indexAll(docs);

        assertThat(outcomes).allMatch(IndexOutcome::isIndexed).extracting(o -> o.document().documentId())
                .containsExactlyElementsOf(docs.stream().map(IndexableDocument::documentId).toList());
        assertThat(embedder.batchSizes).hasSize((chunks + 31) / 32)
                .allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(32));
        assertThat(embedder.batchSizes.subList(0, embedder.batchSizes.size() - 1)).containsOnly(32);
        assertThat(index.chunkCount(APP, INDEX)).isEqualTo(chunks);
        assertThat(found("zebra")).hasSize(10);
    }

    @Test
    void documentsAreWrittenWhileTheModelEmbedsTheNextBatch() {
        List<IndexableDocument> docs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            docs.add(doc("d" + i, 30, "zebra"));
        }
        int chunks = docs.stream().mapToInt(d -> chunker.chunk(new PlainTextExtractor().extract(d.content(), "PLAIN_TEXT",
                d.title()), d.title()).size()).sum();
        int lastBatch = (chunks + 31) / 32;
        assertThat(lastBatch).isGreaterThanOrEqualTo(4);
        AtomicBoolean sawEarlierDocumentsSearchable = new AtomicBoolean();
        embedder.beforeBatch = number -> {
            if (number == lastBatch) { // the documents before it are embedded and can be written: wait until they are
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (index.chunkCount(APP, INDEX) == 0 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                sawEarlierDocumentsSearchable.set(index.chunkCount(APP, INDEX) > 0);
            }
        };

        assertThat(indexer.indexAll(docs)).allMatch(IndexOutcome::isIndexed);

        assertThat(sawEarlierDocumentsSearchable).as("a write overlapped the model").isTrue();
        assertThat(found("zebra")).hasSize(10);
    }

    @Test
    void aFailedSharedBatchIsRedoneOneDocumentAtATimeSoOnlyTheBadDocumentFails() {
        embedder.beforeTexts = texts -> {
            if (texts.stream().anyMatch(t -> t.contains("poison"))) {
                throw new IllegalStateException("the model choked");
            }
        };
        List<IndexableDocument> docs = List.of(doc("a", 3, "zebra"), doc("bad", 3, "poison"), doc("c", 3, "zebra"));

        List<IndexOutcome> outcomes = indexer.indexAll(docs);

        assertThat(outcomes.get(0).isIndexed()).isTrue();
        assertThat(outcomes.get(1).failure()).isInstanceOf(IllegalStateException.class).hasMessage("the model choked");
        assertThat(outcomes.get(2).isIndexed()).isTrue();
        assertThat(found("zebra")).containsExactly("a", "c");
    }

    @Test
    void aDocumentWithoutTextFailsForGoodAndTheOthersAreIndexed() {
        IndexableDocument blank = new IndexableDocument(APP, INDEX, "blank", "blank.txt", "PLAIN_TEXT",
                "  ".getBytes(StandardCharsets.UTF_8), Map.of(), null, null, 1);

        List<IndexOutcome> outcomes = indexer.indexAll(List.of(doc("a", 3, "zebra"), blank, doc("c", 3, "zebra")));

        assertThat(outcomes.get(1).failure()).isInstanceOf(PermanentIndexingFailure.class);
        assertThat(outcomes.get(0).isIndexed()).isTrue();
        assertThat(outcomes.get(2).isIndexed()).isTrue();
        assertThat(found("zebra")).containsExactly("a", "c");
    }

    /** The real (hashing) embedder, recording batch sizes, with hooks to slow or break a batch. */
    static final class WatchedEmbedder implements Embedder {
        private final Embedder model;
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        volatile Consumer<Integer> beforeBatch = n -> { };
        volatile Consumer<List<String>> beforeTexts = t -> { };

        WatchedEmbedder(Embedder model) {
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
            beforeTexts.accept(texts);
            batchSizes.add(texts.size());
            beforeBatch.accept(batchSizes.size());
            return model.embedAll(texts);
        }
    }
}

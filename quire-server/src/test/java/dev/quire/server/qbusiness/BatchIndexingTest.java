package dev.quire.server.qbusiness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.core.chat.HashingEmbedder;
import dev.quire.core.ingest.Chunker;
import dev.quire.core.qbusiness.datasources.DataSources;
import dev.quire.core.qbusiness.datasources.SyncJobs;
import dev.quire.core.qbusiness.documents.DocumentInput;
import dev.quire.core.qbusiness.documents.DocumentStatus;
import dev.quire.core.qbusiness.documents.Documents;
import dev.quire.core.qbusiness.documents.IndexQueue;
import dev.quire.core.qbusiness.documents.IndexingWorker;
import dev.quire.core.qbusiness.documents.StoredDocument;
import dev.quire.core.retrieval.SearchIndexer;
import dev.quire.extract.tika.TikaTextExtractor;
import dev.quire.index.lucene.LuceneSearchIndex;
import dev.quire.spi.index.DocumentIndexer;
import dev.quire.spi.search.ChunkHit;
import dev.quire.spi.search.DocumentChunks;
import dev.quire.spi.search.IndexedChunk;
import dev.quire.spi.search.SearchIndex;
import dev.quire.spi.search.SearchRequest;
import dev.quire.store.jdbc.JdbcMetadataStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker's batch path with real parts — H2 store, Tika, the chunker, Lucene on disk — and a
 * hashing embedder instead of the ONNX model: documents of one pass are indexed together, yet each
 * keeps its own outcome, and none is INDEXED before the write that makes it durable has returned.
 */
class BatchIndexingTest {
    @TempDir
    Path dir;
    JdbcMetadataStore store;
    LuceneSearchIndex lucene;
    WatchedIndex index;
    String app;
    String indexId;
    Documents documents;
    IndexQueue queue;
    final IndexingWorkerTest.MutableClock clock = new IndexingWorkerTest.MutableClock();

    @BeforeEach
    void open() {
        store = JdbcMetadataStore.openEmbedded(dir.resolve("store"));
        DocumentsFixture fixture = DocumentsFixture.create(store);
        app = fixture.app();
        indexId = fixture.index();
        documents = new Documents(store, new SyncJobs(store, new DataSources(store, clock), clock), clock);
        queue = new IndexQueue(store);
        lucene = LuceneSearchIndex.open(dir.resolve("index"));
        index = new WatchedIndex(lucene);
    }

    @AfterEach
    void close() {
        lucene.close();
        store.close();
    }

    IndexingWorker worker(String node) {
        SearchIndexer indexer = new SearchIndexer(new TikaTextExtractor(), new Chunker(), new HashingEmbedder(16),
                index, clock);
        return new IndexingWorker(store, indexer, new IndexingWorker.Settings(node, Duration.ofMinutes(5),
                Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(30), 3), clock);
    }

    void put(String id, String contentType, byte[] content) {
        assertThat(documents.batchPut(app, indexId, List.of(new DocumentInput(id, "T " + id, contentType, content,
                null, null)), List.of(), null)).isEmpty();
    }

    void putText(String... ids) {
        for (String id : ids) {
            put(id, "PLAIN_TEXT", ("Handbook page " + id + " about the zebra migration plan.").getBytes(StandardCharsets.UTF_8));
        }
    }

    StoredDocument doc(String id) {
        return documents.find(app, indexId, id).orElseThrow();
    }

    List<String> found(String text) {
        return lucene.search(new SearchRequest(app, indexId, text, null, Set.of(), null, 500, SearchRequest.Mode.BM25))
                .stream().map(ChunkHit::chunk).map(IndexedChunk::documentId).distinct().sorted().toList();
    }

    @Test
    void documentsOfOnePassShareOneWriteAndAreIndexedOnlyAfterItReturned() throws IOException {
        putText("d1", "d2", "d3");
        index.beforeAndAfterWrite = ids -> ids.forEach(id -> index.statusesSeenDuringWrites.add(id + "=" + doc(id).status()));

        assertThat(worker("n1").drainOnce()).isEqualTo(3);

        assertThat(index.batches).singleElement().satisfies(b -> assertThat(b).containsExactlyInAnyOrder("d1", "d2", "d3"));
        // Entering the write and returning from it (the commit done): still PROCESSING both times.
        assertThat(index.statusesSeenDuringWrites).containsOnly("d1=PROCESSING", "d2=PROCESSING", "d3=PROCESSING")
                .hasSize(6);
        assertThat(Arrays.asList("d1", "d2", "d3")).allSatisfy(id -> assertThat(doc(id).status()).isEqualTo(DocumentStatus.INDEXED));
        assertThat(found("zebra")).containsExactly("d1", "d2", "d3");
        assertThat(committedChunks()).as("what a restart would read").isEqualTo(lucene.chunkCount(app, indexId)).isEqualTo(3);
    }

    @Test
    void anExtractionFailureFailsThatDocumentOnly() {
        putText("good-1");
        put("broken.pdf", "PDF", "%PDF-1.7 this is not really a PDF".getBytes(StandardCharsets.UTF_8));
        put("blank", "PLAIN_TEXT", "   \n  ".getBytes(StandardCharsets.UTF_8));
        putText("good-2");

        assertThat(worker("n1").drainOnce()).isEqualTo(4);

        assertThat(doc("broken.pdf").status()).isEqualTo(DocumentStatus.FAILED);
        assertThat(doc("broken.pdf").errorMessage()).contains("PDF");
        assertThat(doc("blank").status()).isEqualTo(DocumentStatus.FAILED);
        assertThat(doc("good-1").status()).isEqualTo(DocumentStatus.INDEXED);
        assertThat(doc("good-2").status()).isEqualTo(DocumentStatus.INDEXED);
        assertThat(index.batches).singleElement().satisfies(b -> assertThat(b).containsExactlyInAnyOrder("good-1", "good-2"));
        assertThat(found("zebra")).containsExactly("good-1", "good-2");
        assertThat(queue.pending(app, indexId)).isZero();
    }

    @Test
    void aDocumentThatBreaksTheSharedWriteDoesNotHoldBackItsNeighbours() {
        putText("d1", "poison", "d2");
        index.reject = batch -> batch.contains("poison");

        assertThat(worker("n1").drainOnce()).isEqualTo(2);

        assertThat(doc("d1").status()).isEqualTo(DocumentStatus.INDEXED);
        assertThat(doc("d2").status()).isEqualTo(DocumentStatus.INDEXED);
        assertThat(doc("poison").status()).as("transient: retried later").isEqualTo(DocumentStatus.PROCESSING);
        assertThat(found("zebra")).containsExactly("d1", "d2");
        assertThat(queue.pending(app, indexId)).isEqualTo(1);

        index.reject = batch -> false;
        clock.advance(Duration.ofSeconds(5));
        assertThat(worker("n1").drainOnce()).isEqualTo(1);
        assertThat(doc("poison").status()).isEqualTo(DocumentStatus.INDEXED);
    }

    @Test
    void aRePutReplacesTheChunksOfTheDocument() {
        put("d1", "PLAIN_TEXT", "The zebra migration plan, first draft.".getBytes(StandardCharsets.UTF_8));
        putText("d2");
        worker("n1").drainOnce();
        put("d1", "PLAIN_TEXT", "The giraffe feeding schedule, second draft.".getBytes(StandardCharsets.UTF_8));

        assertThat(worker("n1").drainOnce()).isEqualTo(1);

        assertThat(found("zebra")).containsExactly("d2");
        assertThat(found("giraffe")).containsExactly("d1");
        assertThat(doc("d1").status()).isEqualTo(DocumentStatus.INDEXED);
    }

    @Test
    void aCrashBeforeTheCommitLosesNothingAndTheRestartIndexesTheBatch() throws Exception {
        putText("d1", "d2");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        index.beforeAndAfterWrite = ids -> {
            entered.countDown();
            awaitQuietly(release);
            throw new IllegalStateException("the process died before the commit");
        };
        IndexingWorker first = worker("node-a");
        first.start();
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        Thread closer = new Thread(first::close);
        closer.start();
        while (closer.getState() != Thread.State.TIMED_WAITING) { // close() is waiting for the worker
            Thread.onSpinWait();
        }
        release.countDown();
        closer.join();
        index.beforeAndAfterWrite = ids -> { };

        assertThat(queue.pending(app, indexId)).isEqualTo(2);
        assertThat(doc("d1").status()).isEqualTo(DocumentStatus.PROCESSING);
        assertThat(doc("d2").status()).isEqualTo(DocumentStatus.PROCESSING);
        assertThat(found("zebra")).isEmpty();
        IndexingWorker restarted = worker("node-a");
        assertThat(restarted.drainOnce()).isEqualTo(2);
        assertThat(doc("d1").status()).isEqualTo(DocumentStatus.INDEXED);
        assertThat(doc("d2").status()).isEqualTo(DocumentStatus.INDEXED);
        assertThat(found("zebra")).containsExactly("d1", "d2");
        assertThat(queue.pending(app, indexId)).isZero();
    }

    @Test
    void aDeleteAfterABatchedPutOfTheSameDocumentLeavesItUnsearchable() {
        // Job ids start with the (test) clock's millisecond: step it so the queue order is the put order.
        putText("x");
        for (int i = 0; i < 100; i++) { // a second page of jobs, so the delete below is read after x was batched
            clock.advance(Duration.ofMillis(1));
            putText("filler-" + i);
        }
        SearchIndexer real = new SearchIndexer(new TikaTextExtractor(), new Chunker(), new HashingEmbedder(16), index, clock);
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        DocumentIndexer deletingMidPass = new DocumentIndexer() {
            @Override
            public void index(dev.quire.spi.index.IndexableDocument doc) {
                real.index(doc);
            }

            @Override
            public List<dev.quire.spi.index.IndexOutcome> indexAll(List<dev.quire.spi.index.IndexableDocument> docs) {
                return real.indexAll(docs);
            }

            @Override
            public void delete(String applicationId, String indexId, String documentId) {
                real.delete(applicationId, indexId, documentId);
            }

            @Override
            public boolean searchable() { // asked once per PUT job, on the worker thread
                if (seen.incrementAndGet() == 50) { // x (queued first) is claimed and waits in the batch
                    clock.advance(Duration.ofMillis(1));
                    assertThat(documents.batchDelete(app, indexId, List.of("x"), null)).isEmpty();
                }
                return true;
            }
        };
        IndexingWorker worker = new IndexingWorker(store, deletingMidPass, new IndexingWorker.Settings("n1",
                Duration.ofMinutes(5), Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(30), 3,
                1_000, Long.MAX_VALUE), clock);

        worker.drainOnce();

        assertThat(doc("x").status()).isEqualTo(DocumentStatus.DELETED);
        assertThat(found("zebra")).hasSize(100).doesNotContain("x");
    }

    private int committedChunks() throws IOException {
        try (FSDirectory d = FSDirectory.open(dir.resolve("index")); DirectoryReader reader = DirectoryReader.open(d)) {
            return reader.numDocs();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The real index, with hooks on its write path: watch entry and return, or reject a batch. */
    static final class WatchedIndex implements SearchIndex {
        private final SearchIndex delegate;
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        final List<String> statusesSeenDuringWrites = new CopyOnWriteArrayList<>();
        volatile java.util.function.Consumer<List<String>> beforeAndAfterWrite = ids -> { };
        volatile Predicate<List<String>> reject = ids -> false;

        WatchedIndex(SearchIndex delegate) {
            this.delegate = delegate;
        }

        @Override
        public void replaceDocuments(List<DocumentChunks> docs) {
            List<String> ids = docs.stream().map(DocumentChunks::documentId).toList();
            if (reject.test(ids)) {
                throw new IllegalStateException("write rejected");
            }
            beforeAndAfterWrite.accept(ids);
            delegate.replaceDocuments(docs);
            batches.add(ids);
            beforeAndAfterWrite.accept(ids);
        }

        @Override
        public void replaceDocument(String applicationId, String indexId, String documentId, List<IndexedChunk> chunks) {
            replaceDocuments(List.of(new DocumentChunks(applicationId, indexId, documentId, chunks)));
        }

        @Override
        public void deleteDocument(String applicationId, String indexId, String documentId) {
            delegate.deleteDocument(applicationId, indexId, documentId);
        }

        @Override
        public void deleteIndex(String applicationId, String indexId) {
            delegate.deleteIndex(applicationId, indexId);
        }

        @Override
        public List<ChunkHit> search(SearchRequest request) {
            return delegate.search(request);
        }

        @Override
        public long chunkCount(String applicationId, String indexId) {
            return delegate.chunkCount(applicationId, indexId);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}

package dev.quire.server.qbusiness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.core.qbusiness.datasources.DataSources;
import dev.quire.core.qbusiness.datasources.SyncJobs;
import dev.quire.core.qbusiness.documents.DocumentInput;
import dev.quire.core.qbusiness.documents.DocumentStatus;
import dev.quire.core.qbusiness.documents.Documents;
import dev.quire.core.qbusiness.documents.IndexQueue;
import dev.quire.core.qbusiness.documents.IndexingWorker;
import dev.quire.core.qbusiness.documents.NoSearchIndexYet;
import dev.quire.core.qbusiness.documents.StoredDocument;
import dev.quire.spi.index.DocumentIndexer;
import dev.quire.store.jdbc.JdbcMetadataStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable index queue and its worker, against the real H2 store. */
class IndexingWorkerTest {
    @TempDir
    Path dir;
    JdbcMetadataStore store;
    String app;
    String index;
    Documents documents;
    IndexQueue queue;
    final RecordingIndexer indexer = new RecordingIndexer();
    final MutableClock clock = new MutableClock();

    @BeforeEach
    void open() {
        store = JdbcMetadataStore.openEmbedded(dir);
        DocumentsFixture fixture = DocumentsFixture.create(store);
        app = fixture.app();
        index = fixture.index();
        DataSources dataSources = new DataSources(store, clock);
        documents = new Documents(store, new SyncJobs(store, dataSources, clock), clock);
        queue = new IndexQueue(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    IndexingWorker worker(String node, DocumentIndexer ix) {
        return new IndexingWorker(store, ix, new IndexingWorker.Settings(node, Duration.ofMinutes(5),
                Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(30), 3), clock);
    }

    void put(String... ids) {
        List<DocumentInput> docs = java.util.Arrays.stream(ids).map(id -> new DocumentInput(id, "T " + id, "PLAIN_TEXT",
                ("text of " + id).getBytes(StandardCharsets.UTF_8), null, null)).toList();
        assertThat(documents.batchPut(app, index, docs, List.of(), null)).isEmpty();
    }

    DocumentStatus status(String id) {
        return documents.find(app, index, id).map(StoredDocument::status).orElseThrow();
    }

    @Test
    void indexesQueuedDocumentsAndEmptiesTheQueue() {
        put("d1", "d2");
        assertThat(status("d1")).isEqualTo(DocumentStatus.RECEIVED);
        assertThat(worker("n1", indexer).drainOnce()).isEqualTo(2);
        assertThat(status("d1")).isEqualTo(DocumentStatus.INDEXED);
        assertThat(indexer.indexed).extracting(d -> new String(d.content(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("text of d1", "text of d2");
        assertThat(queue.pending(app, index)).isZero();
    }

    @Test
    void transientFailureIsRetriedAfterBackoff() {
        indexer.transientFailures.put("d1", new AtomicInteger(1));
        put("d1");
        IndexingWorker w = worker("n1", indexer);
        assertThat(w.drainOnce()).isZero();
        assertThat(status("d1")).isEqualTo(DocumentStatus.PROCESSING);
        assertThat(w.drainOnce()).as("not due before the backoff ends").isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(w.drainOnce()).isEqualTo(1);
        assertThat(status("d1")).isEqualTo(DocumentStatus.INDEXED);
    }

    @Test
    void retriesAreBoundedThenTheDocumentFails() {
        indexer.transientFailures.put("d1", new AtomicInteger(100));
        put("d1");
        IndexingWorker w = worker("n1", indexer);
        for (int i = 0; i < 3; i++) {
            w.drainOnce();
            clock.advance(Duration.ofMinutes(1));
        }
        StoredDocument doc = documents.find(app, index, "d1").orElseThrow();
        assertThat(doc.status()).isEqualTo(DocumentStatus.FAILED);
        assertThat(doc.errorMessage()).contains("3 times").contains("search index busy");
        assertThat(queue.pending(app, index)).isZero();
    }

    @Test
    void permanentFailureFailsAtOnceWithTheMessage() {
        indexer.permanentFailures.put("d1", "PDF is encrypted");
        put("d1", "d2");
        worker("n1", indexer).drainOnce();
        assertThat(documents.find(app, index, "d1").orElseThrow().errorMessage()).isEqualTo("PDF is encrypted");
        assertThat(status("d1")).isEqualTo(DocumentStatus.FAILED);
        assertThat(status("d2")).isEqualTo(DocumentStatus.INDEXED);
    }

    @Test
    void workerStoppedMidJobResumesAfterRestart() throws Exception {
        put("d1");
        indexer.entered = new CountDownLatch(1);
        indexer.release = new CountDownLatch(1);
        IndexingWorker first = worker("node-a", indexer);
        first.start();
        assertThat(indexer.entered.await(30, TimeUnit.SECONDS)).isTrue();
        first.close(); // like a crash: the job stays claimed, PROCESSING
        assertThat(status("d1")).isEqualTo(DocumentStatus.PROCESSING);
        assertThat(queue.pending(app, index)).isEqualTo(1);

        indexer.release = null;
        assertThat(worker("node-b", indexer).drainOnce()).as("another node waits for the lease").isZero();
        IndexingWorker restarted = worker("node-a", indexer);
        assertThat(restarted.drainOnce()).isEqualTo(1);
        assertThat(status("d1")).isEqualTo(DocumentStatus.INDEXED);
        assertThat(queue.pending(app, index)).isZero();
    }

    @Test
    void anotherNodeTakesOverAfterTheLease() throws Exception {
        put("d1");
        indexer.entered = new CountDownLatch(1);
        indexer.release = new CountDownLatch(1);
        IndexingWorker crashed = worker("node-a", indexer);
        crashed.start();
        assertThat(indexer.entered.await(30, TimeUnit.SECONDS)).isTrue();
        crashed.close();
        indexer.release = null;
        clock.advance(Duration.ofMinutes(6));
        assertThat(worker("node-b", indexer).drainOnce()).isEqualTo(1);
        assertThat(status("d1")).isEqualTo(DocumentStatus.INDEXED);
    }

    @Test
    void twoWorkersNeverRunTheSameJob() {
        put("d1", "d2", "d3");
        IndexingWorker a = worker("node-a", indexer);
        IndexingWorker b = worker("node-b", indexer);
        int done = a.drainOnce() + b.drainOnce();
        assertThat(done).isEqualTo(3);
        assertThat(indexer.indexed).hasSize(3);
    }

    @Test
    void replacedDocumentIndexesOnlyTheNewVersion() {
        put("d1");
        documents.batchPut(app, index, List.of(new DocumentInput("d1", "v2", "PLAIN_TEXT",
                "second".getBytes(StandardCharsets.UTF_8), null, null)), List.of(), null);
        worker("n1", indexer).drainOnce();
        assertThat(indexer.indexed).singleElement().satisfies(d -> {
            assertThat(d.version()).isEqualTo(2);
            assertThat(new String(d.content(), StandardCharsets.UTF_8)).isEqualTo("second");
        });
        assertThat(status("d1")).isEqualTo(DocumentStatus.INDEXED);
    }

    @Test
    void deleteRemovesFromIndexAndLeavesATombstone() {
        put("d1");
        IndexingWorker w = worker("n1", indexer);
        w.drainOnce();
        assertThat(documents.batchDelete(app, index, List.of("d1"), null)).isEmpty();
        assertThat(status("d1")).isEqualTo(DocumentStatus.DELETING);
        w.drainOnce();
        assertThat(indexer.deleted).containsExactly("d1");
        assertThat(status("d1")).isEqualTo(DocumentStatus.DELETED);
    }

    @Test
    void withoutSearchIndexDocumentsStayReceivedAndWaitForTheRealIndexer() {
        put("d1", "d2");
        documents.batchDelete(app, index, List.of("d2"), null);
        IndexingWorker placeholder = worker("n1", new NoSearchIndexYet());
        placeholder.drainOnce();
        assertThat(status("d1")).isEqualTo(DocumentStatus.RECEIVED);
        assertThat(status("d2")).isEqualTo(DocumentStatus.DELETED);
        assertThat(queue.pending(app, index)).as("d1's job waits; d2's stale put was dropped").isEqualTo(1);
        worker("n1", indexer).drainOnce();
        assertThat(status("d1")).isEqualTo(DocumentStatus.INDEXED);
        assertThat(indexer.indexed).extracting(d -> d.documentId()).containsExactly("d1");
    }

    /** A clock the test moves by hand (backoff and leases without waiting). */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package dev.quire.core.qbusiness.documents;

import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.spi.index.DocumentIndexer;
import dev.quire.spi.index.IndexableDocument;
import dev.quire.spi.index.PermanentIndexingFailure;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background indexer: one thread that takes jobs from the durable queue in order, sets the
 * document PROCESSING, calls the {@link DocumentIndexer}, then INDEXED (or FAILED with the error).
 * PUT jobs are indexed in batches of up to {@link Settings#batchDocuments} documents of one index
 * (see {@link JobRunner}); a document turns INDEXED only after its batch is committed to the index.
 *
 * <p>Crash safety: a job is removed only after its outcome is stored, so a crash at any point
 * leaves the job in the store. A job left PROCESSING by this node's previous run (same node id,
 * other incarnation) is resumed at once; one held by another node is taken over when its lease
 * expires. Transient failures are retried with exponential backoff, at most
 * {@link Settings#maxAttempts} times.
 */
public final class IndexingWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexingWorker.class);
    private static final int PAGE = 100;

    /**
     * @param nodeId      stable across restarts of the same node (e.g. host + data dir)
     * @param lease       how long a claim holds off other nodes
     * @param idle        how long to sleep when there is nothing to do (a wake-up cuts it short)
     */
    public record Settings(String nodeId, Duration lease, Duration idle, Duration firstBackoff,
                           Duration maxBackoff, int maxAttempts, int batchDocuments, long batchBytes) {
        /** Documents indexed together: enough for full embedding batches and few commits, few to redo after a crash. */
        public static final int BATCH_DOCUMENTS = 16;
        /** ... and at most this much content per batch, so one batch stays well inside the lease. */
        public static final long BATCH_BYTES = 4L << 20;

        public Settings(String nodeId, Duration lease, Duration idle, Duration firstBackoff, Duration maxBackoff,
                        int maxAttempts) {
            this(nodeId, lease, idle, firstBackoff, maxBackoff, maxAttempts, BATCH_DOCUMENTS, BATCH_BYTES);
        }

        public static Settings defaults(String nodeId) {
            return new Settings(nodeId, Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofSeconds(1),
                    Duration.ofMinutes(5), 6);
        }
    }

    private final MetadataStore store;
    private final IndexQueue queue;
    private final JobRunner runner;
    private final DocumentIndexer indexer;
    private final Settings settings;
    private final Clock clock;
    private final String incarnation = UUID.randomUUID().toString();
    private final Object signal = new Object();
    private final WorkerStats stats = new WorkerStats();
    private volatile boolean running;
    private volatile boolean stopped;
    private volatile Thread thread;
    private boolean woken;

    public IndexingWorker(MetadataStore store, DocumentIndexer indexer, Settings settings, Clock clock) {
        this.store = store;
        this.queue = new IndexQueue(store);
        this.indexer = indexer;
        this.settings = settings;
        this.clock = clock;
        this.runner = new JobRunner(store, queue, indexer, settings, clock, () -> !stopped);
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        if (!indexer.searchable()) {
            LOG.warn("No search index is wired yet: documents are stored and stay RECEIVED (their index jobs wait"
                    + " in the queue); deletions are carried out.");
        }
        thread = new Thread(this::loop, "quire-indexing-worker");
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks the worker to look at the queue now (called after jobs are enqueued). */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Stops the thread. A job in flight is abandoned as a crash would leave it: resumed on the next start. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            stopped = true;
            t = thread;
            thread = null;
        }
        if (t != null) {
            // Wake, don't interrupt: an interrupt inside index I/O closes NIO channels (Lucene's
            // write lock among them) under the index's feet. Interrupt only a worker that hangs.
            wake();
            try {
                t.join(Duration.ofSeconds(30).toMillis());
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(Duration.ofSeconds(5).toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        LOG.info("Indexing worker started (node {}, {})", settings.nodeId(), store.describe());
        while (running) {
            try {
                if (drainOnce() == 0) {
                    sleepUntilWoken();
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.warn("Indexing worker pass failed, retrying: {}", e.toString());
                sleepUntilWoken();
            }
        }
        LOG.info("Indexing worker stopped: {}", stats.summary());
    }

    private void sleepUntilWoken() {
        synchronized (signal) {
            if (!woken) {
                try {
                    signal.wait(settings.idle().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    /**
     * One pass over every index's queue, in the calling thread: runs each job that is due.
     * Tests call it directly for deterministic runs.
     *
     * @return how many jobs it finished (done, failed for good, or dropped as stale)
     */
    public int drainOnce() {
        long started = System.nanoTime();
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        forEachIndex((appId, indexId) -> {
            JobRunner.PutBatch batch = new JobRunner.PutBatch();
            String after = null;
            while (!stopped) {
                List<StoredEntity> rows = queue.page(appId, indexId, after, PAGE);
                for (StoredEntity row : rows) {
                    if (stopped) {
                        return;
                    }
                    if (JobRunner.isDelete(row)) {
                        // Effects in queue order: a put waiting in the batch must not land after a
                        // later delete of the same document (it would be searchable again).
                        runner.runBatch(batch).forEach(done -> count(outcomes, done));
                    }
                    JobRunner.Outcome o = runner.runIfDue(row, incarnation, batch);
                    count(outcomes, o);
                    if (batch.size() >= settings.batchDocuments() || batch.bytes() >= settings.batchBytes()) {
                        runner.runBatch(batch).forEach(done -> count(outcomes, done));
                    }
                }
                if (rows.size() < PAGE) {
                    break;
                }
                after = rows.get(rows.size() - 1).id();
            }
            if (!stopped) {
                runner.runBatch(batch).forEach(done -> count(outcomes, done));
            }
        });
        int finished = outcomes.entrySet().stream().filter(e -> !e.getKey().equals("RETRY_LATER"))
                .mapToInt(Map.Entry::getValue).sum();
        if (!outcomes.isEmpty()) {
            stats.add(outcomes);
            double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
            LOG.info("Indexing pass: {} in {} ms ({} jobs/s); since start: {}", outcomes,
                    Math.round(seconds * 1000), Math.round(finished / seconds), stats.summary());
        }
        return finished;
    }

    /** Visits every index of every application (their queues live in the index scopes). */
    private void forEachIndex(java.util.function.BiConsumer<String, String> visit) {
        eachId(ResourceGuard.APPLICATION_KIND, "", appId ->
                eachId(ResourceGuard.INDEX_KIND, dev.quire.core.qbusiness.Scopes.application(appId),
                        indexId -> visit.accept(appId, indexId)));
    }

    private void eachId(String kind, String scope, Consumer<String> visit) {
        String after = null;
        while (true) {
            List<StoredEntity> rows = store.list(kind, scope, after, PAGE);
            rows.forEach(r -> visit.accept(r.id()));
            if (rows.size() < PAGE) {
                return;
            }
            after = rows.get(rows.size() - 1).id();
        }
    }

    private static void count(Map<String, Integer> outcomes, JobRunner.Outcome o) {
        if (o != JobRunner.Outcome.NOT_DUE && o != JobRunner.Outcome.BATCHED) {
            outcomes.merge(o.name(), 1, Integer::sum);
        }
    }

    /** Totals since this worker started (for logs and tests). */
    public Map<String, Long> totals() {
        return stats.totals();
    }

    static Instant backoff(Settings s, Instant now, int attempt) {
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration wait = s.firstBackoff().multipliedBy(factor);
        return now.plus(wait.compareTo(s.maxBackoff()) > 0 ? s.maxBackoff() : wait);
    }

    static IndexableDocument indexable(StoredDocument doc, byte[] content) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        doc.attributes().forEach((k, v) -> attributes.put(k, v.plain()));
        return new IndexableDocument(doc.applicationId(), doc.indexId(), doc.documentId(), doc.title(),
                doc.contentType(), content, attributes, doc.acl(), doc.dataSourceId(), doc.version());
    }

    static boolean permanent(RuntimeException e) {
        return e instanceof PermanentIndexingFailure;
    }
}

package dev.quire.core.qbusiness.documents;

import dev.quire.spi.index.DocumentIndexer;
import dev.quire.spi.index.IndexOutcome;
import dev.quire.spi.index.IndexableDocument;
import dev.quire.spi.store.ConcurrentUpdateException;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs queued jobs: claim, check it is still current, call the indexer, store the outcome, and
 * only then remove the job. Each store step is its own transaction, so a crash between steps leaves
 * a job that the next run repeats (the indexer is idempotent).
 *
 * <p>PUT jobs go through a {@link PutBatch}: each is claimed and its document set PROCESSING at
 * once, then the whole batch is indexed with one {@link DocumentIndexer#indexAll} call (shared
 * embedding batches, a few index commits instead of one per document), and only after that call
 * returned — the documents durable in the index — is each outcome stored. DELETE jobs run one at
 * a time, after the batch before them (the worker keeps the queue's order of effects).
 */
final class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    enum Outcome { NOT_DUE, INDEXED, DELETED, FAILED, STALE, RETRY_LATER, ABANDONED,
        /** A PUT claimed and added to the caller's batch; its real outcome comes from {@link #runBatch}. */
        BATCHED }

    /** Claimed PUT jobs (documents PROCESSING, content loaded) waiting to be indexed together. */
    static final class PutBatch {
        private final List<IndexQueue.Claim> claims = new ArrayList<>();
        private final List<IndexableDocument> documents = new ArrayList<>();
        private long bytes;

        void add(IndexQueue.Claim claim, IndexableDocument document) {
            claims.add(claim);
            documents.add(document);
            bytes += document.content().length;
        }

        int size() {
            return claims.size();
        }

        long bytes() {
            return bytes;
        }
    }

    private final MetadataStore store;
    private final IndexQueue queue;
    private final DocumentIndexer indexer;
    private final IndexingWorker.Settings settings;
    private final Clock clock;
    private final BooleanSupplier live;

    JobRunner(MetadataStore store, IndexQueue queue, DocumentIndexer indexer, IndexingWorker.Settings settings,
              Clock clock, BooleanSupplier live) {
        this.store = store;
        this.queue = queue;
        this.indexer = indexer;
        this.settings = settings;
        this.clock = clock;
        this.live = live;
    }

    static boolean isDelete(StoredEntity row) {
        return IndexQueue.parse(row).operation() == IndexJob.Operation.DELETE;
    }

    /**
     * Runs the job if it is due; a PUT for a searchable indexer is only claimed and added to
     * {@code batch} (outcome {@link Outcome#BATCHED}) for {@link #runBatch}.
     */
    Outcome runIfDue(StoredEntity row, String incarnation, PutBatch batch) {
        IndexJob job = IndexQueue.parse(row);
        Instant now = clock.instant();
        if (!due(job, now, incarnation)) {
            return Outcome.NOT_DUE;
        }
        if (job.operation() == IndexJob.Operation.PUT && !indexer.searchable()) {
            // No search index yet: drop stale puts, keep current ones queued for the real indexer.
            return current(job).isEmpty() && queue.finish(new IndexQueue.Claim(job, row.version()))
                    ? Outcome.STALE : Outcome.NOT_DUE;
        }
        Optional<IndexQueue.Claim> claim = queue.claim(row, settings.nodeId(), incarnation,
                now.plus(settings.lease()));
        if (claim.isEmpty()) {
            return Outcome.NOT_DUE;
        }
        try {
            return job.operation() == IndexJob.Operation.PUT ? claimPut(claim.get(), batch) : runDelete(claim.get());
        } catch (ConcurrentUpdateException e) {
            // The document changed under us (re-put or deleted): run the job again; it may now be stale.
            queue.retryLater(claim.get(), clock.instant(), "the document changed while it was being indexed");
            return Outcome.RETRY_LATER;
        }
    }

    private boolean due(IndexJob job, Instant now, String incarnation) {
        if (job.state() == IndexJob.State.QUEUED) {
            return !job.notBefore().isAfter(now);
        }
        boolean ourEarlierRun = settings.nodeId().equals(job.claimedBy()) && !incarnation.equals(job.incarnation());
        return ourEarlierRun || job.claimedUntil() == null || job.claimedUntil().isBefore(now);
    }

    /** The document the job is for, if the job is still about its current version and state. */
    private Optional<StoredDocument> current(IndexJob job) {
        return store.get(DocumentKeys.DOCUMENT_KIND, DocumentKeys.documentKey(job.indexId(), job.documentId()))
                .map(e -> DocumentKeys.read(e.json(), StoredDocument.class))
                .filter(d -> d.version() == job.version())
                .filter(d -> job.operation() == IndexJob.Operation.DELETE
                        ? d.status() == DocumentStatus.DELETING
                        : d.status() != DocumentStatus.DELETING && d.status() != DocumentStatus.DELETED);
    }

    private Outcome claimPut(IndexQueue.Claim claim, PutBatch batch) {
        IndexJob job = claim.job();
        Optional<StoredDocument> doc = store.inTransaction(() -> setStatus(job, DocumentStatus.PROCESSING, null));
        if (doc.isEmpty()) {
            return finishStale(claim);
        }
        byte[] content = store.get(DocumentKeys.CONTENT_KIND, DocumentKeys.documentKey(job.indexId(), job.documentId()))
                .map(e -> DocumentKeys.read(e.json(), StoredContent.class))
                .filter(c -> c.version() == job.version())
                .map(StoredContent::content).orElse(null);
        if (content == null) {
            return finishStale(claim);
        }
        batch.add(claim, IndexingWorker.indexable(doc.get(), content));
        return Outcome.BATCHED;
    }

    /**
     * Indexes the batch, then stores each document's outcome. INDEXED is written only here, after
     * {@link DocumentIndexer#indexAll} returned, i.e. once the document is searchable and committed.
     */
    List<Outcome> runBatch(PutBatch batch) {
        if (batch.size() == 0) {
            return List.of();
        }
        List<IndexOutcome> results;
        try {
            results = indexer.indexAll(List.copyOf(batch.documents));
            if (results.size() != batch.size()) {
                throw new IllegalStateException("the indexer returned " + results.size() + " outcomes for "
                        + batch.size() + " documents");
            }
        } catch (RuntimeException e) {
            results = batch.documents.stream().map(d -> IndexOutcome.failed(d, e)).toList();
        }
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            IndexQueue.Claim claim = batch.claims.get(i);
            IndexOutcome result = results.get(i);
            try {
                outcomes.add(result.isIndexed() ? finish(claim, DocumentStatus.INDEXED, null, Outcome.INDEXED)
                        : failed(claim, result.failure()));
            } catch (ConcurrentUpdateException e) {
                queue.retryLater(claim, clock.instant(), "the document changed while it was being indexed");
                outcomes.add(Outcome.RETRY_LATER);
            }
        }
        batch.claims.clear();
        batch.documents.clear();
        batch.bytes = 0;
        return outcomes;
    }

    private Outcome runDelete(IndexQueue.Claim claim) {
        IndexJob job = claim.job();
        if (current(job).isEmpty()) {
            return finishStale(claim);
        }
        try {
            indexer.delete(job.applicationId(), job.indexId(), job.documentId());
        } catch (RuntimeException e) {
            return failed(claim, e);
        }
        return finish(claim, DocumentStatus.DELETED, null, Outcome.DELETED);
    }

    private Outcome failed(IndexQueue.Claim claim, RuntimeException e) {
        if (!live.getAsBoolean()) {
            return Outcome.ABANDONED;
        }
        IndexJob job = claim.job();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int attempt = job.attempts() + 1;
        if (IndexingWorker.permanent(e) || attempt >= settings.maxAttempts()) {
            String error = IndexingWorker.permanent(e) ? message
                    : "Indexing failed " + attempt + " times; last error: " + message;
            LOG.warn("Document {} in index {} failed: {}", job.documentId(), job.indexId(), error);
            return finish(claim, DocumentStatus.FAILED, error, Outcome.FAILED);
        }
        Instant when = IndexingWorker.backoff(settings, clock.instant(), attempt);
        LOG.info("Document {} in index {}: attempt {} failed ({}), retrying at {}", job.documentId(), job.indexId(),
                attempt, message, when);
        queue.retryLater(claim, when, message);
        return Outcome.RETRY_LATER;
    }

    /** Stores the outcome and removes the job in one transaction, if the claim is still ours. */
    private Outcome finish(IndexQueue.Claim claim, DocumentStatus status, String error, Outcome outcome) {
        return store.inTransaction(() -> {
            if (!queue.finish(claim)) {
                return Outcome.NOT_DUE;
            }
            Optional<StoredDocument> done = setStatus(claim.job(), status, error);
            if (done.isEmpty()) {
                return Outcome.STALE;
            }
            if (status == DocumentStatus.DELETED) {
                store.delete(DocumentKeys.CONTENT_KIND, DocumentKeys.documentKey(claim.job().indexId(),
                        claim.job().documentId()));
            }
            return outcome;
        });
    }

    private Outcome finishStale(IndexQueue.Claim claim) {
        return store.inTransaction(() -> queue.finish(claim) ? Outcome.STALE : Outcome.NOT_DUE);
    }

    /** Sets the status of the job's document if the job is still current; empty otherwise. */
    private Optional<StoredDocument> setStatus(IndexJob job, DocumentStatus status, String error) {
        String key = DocumentKeys.documentKey(job.indexId(), job.documentId());
        Optional<StoredEntity> row = store.get(DocumentKeys.DOCUMENT_KIND, key);
        Optional<StoredDocument> doc = current(job);
        if (row.isEmpty() || doc.isEmpty()) {
            return Optional.empty();
        }
        StoredDocument updated = doc.get().withStatus(status, error, clock.instant());
        store.update(DocumentKeys.DOCUMENT_KIND, key, DocumentKeys.write(updated), row.get().version());
        return Optional.of(updated);
    }
}

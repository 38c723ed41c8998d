package dev.quire.core.qbusiness.documents;

import dev.quire.spi.store.ConcurrentUpdateException;
import dev.quire.spi.store.EntityNotFoundException;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable index queue in the metadata store. Enqueueing joins the caller's transaction, so a
 * document and its job commit together. Claiming is an optimistic update of the job record: of two
 * nodes racing for a job, exactly one update succeeds.
 */
public final class IndexQueue {
    private final MetadataStore store;

    public IndexQueue(MetadataStore store) {
        this.store = store;
    }

    /** Call inside the transaction that writes the document. */
    IndexJob enqueue(String applicationId, String indexId, String documentId, IndexJob.Operation op, long version,
                     Instant now) {
        String id = String.format("%013d-%s", now.toEpochMilli(), UUID.randomUUID());
        IndexJob job = new IndexJob(id, applicationId, indexId, documentId, op, version, IndexJob.State.QUEUED, 0,
                now, null, null, null, now, null);
        store.insert(DocumentKeys.JOB_KIND, id, DocumentKeys.scope(applicationId, indexId), DocumentKeys.write(job));
        return job;
    }

    /** Jobs of one index in queue order, after {@code afterJobId} (null for the start). */
    List<StoredEntity> page(String applicationId, String indexId, String afterJobId, int limit) {
        return store.list(DocumentKeys.JOB_KIND, DocumentKeys.scope(applicationId, indexId), afterJobId, limit);
    }

    /** How many jobs are waiting in one index (for tests and operators). */
    public long pending(String applicationId, String indexId) {
        return store.count(DocumentKeys.JOB_KIND, DocumentKeys.scope(applicationId, indexId));
    }

    static IndexJob parse(StoredEntity e) {
        return DocumentKeys.read(e.json(), IndexJob.class);
    }

    /** Takes the job for this worker; empty when another worker changed it first. */
    Optional<Claim> claim(StoredEntity row, String node, String incarnation, Instant until) {
        IndexJob claimed = parse(row).claimed(node, incarnation, until);
        try {
            StoredEntity updated = store.update(DocumentKeys.JOB_KIND, row.id(), DocumentKeys.write(claimed),
                    row.version());
            return Optional.of(new Claim(claimed, updated.version()));
        } catch (ConcurrentUpdateException | EntityNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Removes a finished job; false when the claim was lost (another node took the job over). */
    boolean finish(Claim claim) {
        Optional<StoredEntity> row = store.get(DocumentKeys.JOB_KIND, claim.job().jobId());
        if (row.isEmpty() || row.get().version() != claim.storeVersion()) {
            return false;
        }
        return store.delete(DocumentKeys.JOB_KIND, claim.job().jobId());
    }

    /** Puts the job back in the queue to run again at {@code when}. */
    boolean retryLater(Claim claim, Instant when, String error) {
        try {
            store.update(DocumentKeys.JOB_KIND, claim.job().jobId(),
                    DocumentKeys.write(claim.job().retryAt(when, error)), claim.storeVersion());
            return true;
        } catch (ConcurrentUpdateException | EntityNotFoundException e) {
            return false;
        }
    }

    /** A job this worker holds, with the store version its claim wrote. */
    record Claim(IndexJob job, long storeVersion) {
    }
}

package dev.quire.spi.index;

import java.util.ArrayList;
import java.util.List;

/**
 * The indexing port: makes a stored document searchable (or removes it). The durable queue in
 * quire-core calls it from one background thread; implementations need not be thread-safe
 * across calls but must be idempotent (a job may be retried after a crash).
 *
 * <p>Throw {@link PermanentIndexingFailure} for a document that can never be indexed (the document
 * ends FAILED at once); any other exception is treated as transient and retried with backoff.
 */
public interface DocumentIndexer {

    /** Adds or replaces {@code doc} (same application, index and document id) in the search index. */
    void index(IndexableDocument doc);

    /**
     * Indexes several documents, one outcome per document in the order given. A document that fails
     * does not fail the others; an indexer may share work across them (full embedding batches, one
     * index commit). A document reported indexed is searchable and durable when this returns. An
     * exception thrown out of this method counts as a transient failure of every document.
     */
    default List<IndexOutcome> indexAll(List<IndexableDocument> docs) {
        List<IndexOutcome> outcomes = new ArrayList<>(docs.size());
        for (IndexableDocument doc : docs) {
            try {
                index(doc);
                outcomes.add(IndexOutcome.indexed(doc));
            } catch (RuntimeException e) {
                outcomes.add(IndexOutcome.failed(doc, e));
            }
        }
        return outcomes;
    }

    /** Removes the document from the search index; a document that is not there is not an error. */
    void delete(String applicationId, String indexId, String documentId);

    /**
     * Whether {@link #index} really makes a document searchable. An indexer that answers false
     * (a placeholder until a search index exists) gets no index work: documents stay RECEIVED
     * with their jobs queued, so they are indexed when a real indexer is wired, and no status
     * ever claims a document is searchable when it is not.
     */
    default boolean searchable() {
        return true;
    }
}

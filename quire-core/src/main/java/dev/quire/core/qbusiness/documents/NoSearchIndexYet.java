package dev.quire.core.qbusiness.documents;

import dev.quire.spi.index.DocumentIndexer;
import dev.quire.spi.index.IndexableDocument;

/**
 * The indexer wired until the retrieval work lands: there is no search index, so it says so
 * ({@link #searchable()} is false). The worker then leaves documents RECEIVED with their jobs
 * queued instead of reporting them INDEXED, and carries out deletions (nothing to remove here).
 */
public final class NoSearchIndexYet implements DocumentIndexer {
    @Override
    public void index(IndexableDocument doc) {
        throw new IllegalStateException("there is no search index yet; documents wait in the queue");
    }

    @Override
    public void delete(String applicationId, String indexId, String documentId) {
        // Nothing was ever indexed, so there is nothing to remove.
    }

    @Override
    public boolean searchable() {
        return false;
    }
}

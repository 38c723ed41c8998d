package dev.quire.spi.search;

import java.util.List;

/**
 * The search index port (Lucene embedded, OpenSearch for scale-out). Writes are per document and
 * atomic: after {@link #replaceDocument} returns, searches see all of the new chunks and none of
 * the old ones.
 */
public interface SearchIndex extends AutoCloseable {

    /** Replaces every chunk of the document with {@code chunks} (all must carry that document id). */
    void replaceDocument(String applicationId, String indexId, String documentId, List<IndexedChunk> chunks);

    /**
     * Replaces several documents, each atomically as {@link #replaceDocument} does. When it returns,
     * every one of them is searchable and durable; a backend may write them all with a single commit
     * (which is why the indexer batches). If it throws, any of them may or may not have been replaced —
     * each wholly or not at all — and the caller repeats the call (replacing is idempotent).
     */
    default void replaceDocuments(List<DocumentChunks> documents) {
        for (DocumentChunks d : documents) {
            replaceDocument(d.applicationId(), d.indexId(), d.documentId(), d.chunks());
        }
    }

    void deleteDocument(String applicationId, String indexId, String documentId);

    /** Removes everything of one Q Business index (or, with indexId null, of one application). */
    void deleteIndex(String applicationId, String indexId);

    /** ACL-filtered (inside the query), attribute-filtered retrieval, best first. */
    List<ChunkHit> search(SearchRequest request);

    long chunkCount(String applicationId, String indexId);

    @Override
    void close();
}

package dev.quire.spi.search;

import java.util.List;
import java.util.Objects;

/** One document's complete new set of chunks, for {@link SearchIndex#replaceDocuments}. */
public record DocumentChunks(String applicationId, String indexId, String documentId, List<IndexedChunk> chunks) {
    public DocumentChunks {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(indexId, "indexId");
        Objects.requireNonNull(documentId, "documentId");
        chunks = List.copyOf(chunks);
    }
}

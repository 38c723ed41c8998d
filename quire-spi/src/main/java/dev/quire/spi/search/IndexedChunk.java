package dev.quire.spi.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One searchable piece of a document, as written to a {@link SearchIndex}.
 *
 * @param sectionPath the headings above this chunk, outermost first
 * @param vector      the chunk's embedding (may be null when the index is built without vectors)
 */
public record IndexedChunk(String applicationId, String indexId, String documentId, String chunkId, int ordinal,
                           String title, List<String> sectionPath, String text, String sourceUri,
                           String dataSourceId, Map<String, AttributeValue> attributes, float[] vector,
                           AclTerms acl, Instant updatedAt) {
    public IndexedChunk {
        sectionPath = sectionPath == null ? List.of() : List.copyOf(sectionPath);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}

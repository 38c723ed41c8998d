package dev.quire.spi.index;

import java.util.Map;
import java.util.Objects;

/**
 * One document as the indexer receives it.
 *
 * @param contentType  the ContentType enum name (PLAIN_TEXT, PDF, …) or null
 * @param attributes   attribute name → String, List&lt;String&gt;, Long or java.time.Instant
 * @param acl          who may read it; {@link AccessControl#UNRESTRICTED} when the document had no accessConfiguration
 * @param dataSourceId the data source it came from (through a sync job), or null
 * @param version      grows by one each time the document id is put again
 */
public record IndexableDocument(String applicationId, String indexId, String documentId, String title,
                                String contentType, byte[] content, Map<String, Object> attributes,
                                AccessControl acl, String dataSourceId, long version) {
    public IndexableDocument {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(indexId, "indexId");
        Objects.requireNonNull(documentId, "documentId");
        content = content == null ? new byte[0] : content;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        acl = acl == null ? AccessControl.UNRESTRICTED : acl;
    }
}

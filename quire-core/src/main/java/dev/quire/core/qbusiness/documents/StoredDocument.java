package dev.quire.core.qbusiness.documents;

import dev.quire.spi.index.AccessControl;
import java.time.Instant;
import java.util.Map;

/**
 * A document's metadata record (kind {@value DocumentKeys#DOCUMENT_KIND}); the content lives in its
 * own record so listings stay light.
 *
 * @param version      1 on the first put, +1 on every re-put; jobs carry it so stale work is skipped
 * @param dataSourceId the data source of the sync job it was put with, or null
 */
public record StoredDocument(String applicationId, String indexId, String documentId, String title,
                             String contentType, Map<String, AttributeValue> attributes, AccessControl acl,
                             String dataSourceId, long version, long contentBytes, DocumentStatus status,
                             String errorMessage, Instant createdAt, Instant updatedAt) {

    StoredDocument withStatus(DocumentStatus newStatus, String error, Instant at) {
        return new StoredDocument(applicationId, indexId, documentId, title, contentType, attributes, acl,
                dataSourceId, version, contentBytes, newStatus, error, createdAt, at);
    }

    public DocumentDetails details() {
        return new DocumentDetails(documentId, status, errorMessage, dataSourceId, createdAt, updatedAt);
    }
}

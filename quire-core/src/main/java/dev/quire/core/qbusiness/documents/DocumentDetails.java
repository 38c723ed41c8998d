package dev.quire.core.qbusiness.documents;

import java.time.Instant;

/** One ListDocuments row; errorMessage is set for FAILED documents. */
public record DocumentDetails(String documentId, DocumentStatus status, String errorMessage, String dataSourceId,
                              Instant createdAt, Instant updatedAt) {
}

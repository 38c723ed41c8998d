package dev.quire.core.qbusiness.documents;

/** DocumentStatus as ListDocuments reports it (API-REFERENCE §2.12). */
public enum DocumentStatus {
    RECEIVED, PROCESSING, INDEXED, UPDATED, FAILED, DELETING, DELETED, DOCUMENT_FAILED_TO_INDEX
}

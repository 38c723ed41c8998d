package dev.quire.core.qbusiness.documents;

/** A document of a batch call that was not accepted, and why (dataSourceId may be null). */
public record FailedDocument(String id, DocumentErrorCode errorCode, String errorMessage, String dataSourceId) {
    public static FailedDocument invalid(String id, String message) {
        return new FailedDocument(id, DocumentErrorCode.INVALID_REQUEST, message, null);
    }
}

package dev.quire.core.qbusiness.documents;

/** A document's content record (kind {@value DocumentKeys#CONTENT_KIND}), tagged with the document version it belongs to. */
record StoredContent(String documentId, long version, byte[] content) {
}

package dev.quire.core.qbusiness.index;

/** What an index holds: documents whose status is INDEXED, and their text bytes. */
public record TextDocumentStatistics(int indexedTextDocumentCount, long indexedTextBytes) {
}

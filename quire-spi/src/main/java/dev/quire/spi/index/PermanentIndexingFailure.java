package dev.quire.spi.index;

/** Thrown by a {@link DocumentIndexer} for a document that retrying will not fix (e.g. unreadable content). */
public class PermanentIndexingFailure extends RuntimeException {
    public PermanentIndexingFailure(String message) {
        super(message);
    }

    public PermanentIndexingFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

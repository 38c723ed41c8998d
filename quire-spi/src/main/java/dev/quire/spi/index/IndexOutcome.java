package dev.quire.spi.index;

import java.util.Objects;

/**
 * What became of one document of {@link DocumentIndexer#indexAll}: indexed (searchable and
 * durable), or failed with the exception {@link DocumentIndexer#index} would have thrown for it —
 * a {@link PermanentIndexingFailure} or a transient one.
 */
public record IndexOutcome(IndexableDocument document, RuntimeException failure) {
    public IndexOutcome {
        Objects.requireNonNull(document, "document");
    }

    public static IndexOutcome indexed(IndexableDocument document) {
        return new IndexOutcome(document, null);
    }

    public static IndexOutcome failed(IndexableDocument document, RuntimeException failure) {
        return new IndexOutcome(document, Objects.requireNonNull(failure, "failure"));
    }

    public boolean isIndexed() {
        return failure == null;
    }
}

package dev.quire.spi.store;

/** Thrown by {@link MetadataStore} when the record changed since it was read. */
public class ConcurrentUpdateException extends StoreException {
    public ConcurrentUpdateException(String kind, String id) {
        super(kind + " " + id + ": the record changed since it was read");
    }
}

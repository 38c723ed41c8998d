package dev.quire.spi.store;

/** Thrown by {@link MetadataStore} when a record with this kind and id already exists. */
public class EntityExistsException extends StoreException {
    public EntityExistsException(String kind, String id) {
        super(kind + " " + id + ": a record with this kind and id already exists");
    }
}

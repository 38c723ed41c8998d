package dev.quire.spi.store;

/** Thrown by {@link MetadataStore} when no record with this kind and id. */
public class EntityNotFoundException extends StoreException {
    public EntityNotFoundException(String kind, String id) {
        super(kind + " " + id + ": no record with this kind and id");
    }
}

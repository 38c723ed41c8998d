package dev.quire.spi.store;

/** A metadata store failure; subclasses name the cases callers act on. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

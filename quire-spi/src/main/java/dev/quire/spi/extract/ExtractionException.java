package dev.quire.spi.extract;

/** A document whose text cannot be extracted; the message becomes the document's FAILED reason. */
public class ExtractionException extends Exception {
    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}

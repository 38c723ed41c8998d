package dev.quire.examples;

/** A failed API call, worded like the seed's "Error creating …: {e}" lines. */
public final class StepFailedException extends RuntimeException {
    public StepFailedException(String what, Exception cause) {
        super("Error " + what + ": " + cause.getMessage(), cause);
    }
}

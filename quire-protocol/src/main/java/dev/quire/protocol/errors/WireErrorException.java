package dev.quire.protocol.errors;

/** Carries a {@link WireError} out of any pipeline stage to the error renderer. */
public final class WireErrorException extends RuntimeException {
    private final WireError error;

    public WireErrorException(WireError error) {
        super(error.code() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    public WireError error() {
        return error;
    }
}

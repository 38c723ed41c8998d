package dev.quire.protocol.sigv4;

/**
 * Thrown inside the package to end verification early; {@link SigV4Verifier#verify} turns it into a
 * {@link SigV4Result.Rejected}. No stack trace: it is control flow, and it must stay cheap.
 */
final class Rejection extends Exception {
    private static final long serialVersionUID = 1L;
    final SigV4Failure failure;
    final String service;

    Rejection(SigV4Failure failure, String service) {
        super(failure.name(), null, false, false);
        this.failure = failure;
        this.service = service;
    }
}

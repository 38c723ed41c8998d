package dev.quire.protocol.pipeline;

import dev.quire.protocol.AwsService;
import dev.quire.protocol.sigv4.SigV4Result;

/**
 * The outcome of authentication: the service addressed (from the SigV4 scope, or STS for the
 * unsigned federation calls) and the verified signature, or null for an unsigned request.
 */
public record Authentication(AwsService service, SigV4Result.Verified verified) {
    public boolean signed() {
        return verified != null;
    }

    /** The opaque principal the secret lookup attached to the credential, or null. */
    public Object principal() {
        return verified == null ? null : verified.credential().principal();
    }
}

package dev.quire.protocol.sigv4;

import java.util.List;

/** The outcome of {@link SigV4Verifier#verify}; the verifier never writes a response itself. */
public sealed interface SigV4Result permits SigV4Result.Verified, SigV4Result.Rejected, SigV4Result.Unsigned {

    /** A valid signature by {@code credential}, scoped to {@code region} and {@code service}. */
    record Verified(SigningCredential credential, String region, String service, String sessionToken,
                    List<String> signedHeaders) implements SigV4Result {
        public Verified {
            signedHeaders = List.copyOf(signedHeaders);
        }
    }

    /** @param service the service named in the credential scope when it could be parsed, else null */
    record Rejected(SigV4Failure failure, String service) implements SigV4Result {}

    /** No Authorization header and no presigned query: the caller decides (unsigned STS operations). */
    record Unsigned() implements SigV4Result {}
}

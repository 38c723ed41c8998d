package dev.quire.protocol.sigv4;

/**
 * Why a request was refused. Every check on time, body hash and signature collapses into
 * {@link #SIGNATURE_MISMATCH} so a caller cannot learn which one failed.
 */
public enum SigV4Failure {
    /** Signing parameters (x-amz-date, X-Amz-Credential, ...) without any signature. */
    MISSING_AUTHENTICATION,
    /** A signature that cannot be parsed: malformed, missing pieces, unsupported algorithm, ambiguous. */
    INCOMPLETE_SIGNATURE,
    /** The lookup knows no such access key (with that session token). */
    UNKNOWN_ACCESS_KEY,
    /** Wrong signature, wrong body hash, or a date outside the allowed window. */
    SIGNATURE_MISMATCH,
    /** The credential is known but its expiry has passed. */
    EXPIRED_TOKEN
}

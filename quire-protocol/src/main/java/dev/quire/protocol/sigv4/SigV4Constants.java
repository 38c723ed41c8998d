package dev.quire.protocol.sigv4;

import java.time.Duration;

/** Names and limits fixed by the SigV4 specification. */
final class SigV4Constants {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String TERMINATOR = "aws4_request";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    static final String STREAMING_PREFIX = "STREAMING-";

    static final String AUTHORIZATION = "authorization";
    static final String X_AMZ_DATE = "x-amz-date";
    static final String DATE = "date";
    static final String X_AMZ_CONTENT_SHA256 = "x-amz-content-sha256";
    static final String X_AMZ_SECURITY_TOKEN = "x-amz-security-token";

    static final String Q_ALGORITHM = "X-Amz-Algorithm";
    static final String Q_CREDENTIAL = "X-Amz-Credential";
    static final String Q_DATE = "X-Amz-Date";
    static final String Q_EXPIRES = "X-Amz-Expires";
    static final String Q_SIGNED_HEADERS = "X-Amz-SignedHeaders";
    static final String Q_SIGNATURE = "X-Amz-Signature";
    static final String Q_SECURITY_TOKEN = "X-Amz-Security-Token";

    /** Allowed distance between the request date and the server clock. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(15);
    /** Longest presigned URL lifetime AWS accepts: seven days. */
    static final long MAX_PRESIGN_SECONDS = 604_800;

    private SigV4Constants() {}
}

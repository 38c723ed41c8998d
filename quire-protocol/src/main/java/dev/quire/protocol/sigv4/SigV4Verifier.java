package dev.quire.protocol.sigv4;

import static dev.quire.protocol.sigv4.SigV4Constants.*;

import dev.quire.protocol.http.WireRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies AWS Signature Version 4 on a request as it arrived (Authorization header or presigned
 * query). Returns a result and never writes a response; thread-safe.
 *
 * <p>Order: parse, time window, credential lookup, credential expiry, body hash, signature.
 * Time, body and signature failures all read SIGNATURE_MISMATCH so a caller learns nothing from
 * which check failed.
 */
public final class SigV4Verifier {
    private final Clock clock;
    private final SigningKeys signingKeys = new SigningKeys();

    public SigV4Verifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public SigV4Result verify(WireRequest request, SecretLookup lookup) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(lookup, "lookup");
        try {
            SignatureParts parts = SignatureParser.parse(request);
            return parts == null ? new SigV4Result.Unsigned() : verify(request, parts, lookup);
        } catch (Rejection rejection) {
            return new SigV4Result.Rejected(rejection.failure, rejection.service);
        }
    }

    private SigV4Result verify(WireRequest request, SignatureParts parts, SecretLookup lookup) throws Rejection {
        Instant now = clock.instant();
        checkTime(parts, now);
        Optional<SigningCredential> found = lookup.find(parts.accessKeyId(), parts.sessionToken());
        if (found == null || found.isEmpty()) {
            throw reject(SigV4Failure.UNKNOWN_ACCESS_KEY, parts);
        }
        SigningCredential credential = found.get();
        if (credential.expiresAt() != null && !now.isBefore(credential.expiresAt())) {
            throw reject(SigV4Failure.EXPIRED_TOKEN, parts);
        }
        boolean matches = signatureMatches(request, parts, credential, payloadHash(request, parts));
        if (!matches && presignedWithoutDeclaredPayload(request, parts) && request.body().length == 0) {
            // S3-style presigners sign UNSIGNED-PAYLOAD where the SDKs' generic presigners sign the
            // empty body's hash; with no body there is nothing left unauthenticated either way.
            matches = signatureMatches(request, parts, credential, UNSIGNED_PAYLOAD);
        }
        if (!matches) {
            throw reject(SigV4Failure.SIGNATURE_MISMATCH, parts);
        }
        return new SigV4Result.Verified(credential, parts.region(), parts.service(), parts.sessionToken(),
                parts.signedHeaders());
    }

    private boolean signatureMatches(WireRequest request, SignatureParts parts, SigningCredential credential,
                                     String payloadHash) {
        String canonical = CanonicalRequest.build(request, parts.signedHeaders(), payloadHash,
                parts.presigned() ? Q_SIGNATURE : null);
        if (canonical == null) {
            return false; // a signed header is missing from the request
        }
        String expected = signingKeys.signature(credential.secretAccessKey(), parts.scopeDate(), parts.region(),
                parts.service(), CanonicalRequest.stringToSign(parts.amzDate(), parts.scope(), canonical));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                parts.signature().getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean presignedWithoutDeclaredPayload(WireRequest request, SignatureParts parts) {
        return parts.presigned() && !request.headers().has(X_AMZ_CONTENT_SHA256);
    }

    /**
     * The scope must name the request's day; the request time must be within 15 minutes of now,
     * or for a presigned URL, now must lie in [date - 15 min, date + expires].
     */
    private static void checkTime(SignatureParts parts, Instant now) throws Rejection {
        Instant date = AmzDates.parseBasic(parts.amzDate());
        if (date == null || !parts.amzDate().startsWith(parts.scopeDate())) {
            throw reject(SigV4Failure.SIGNATURE_MISMATCH, parts);
        }
        Instant earliest = date.minus(CLOCK_SKEW);
        Instant latest = parts.presigned() ? date.plusSeconds(parts.expiresSeconds()) : date.plus(CLOCK_SKEW);
        if (now.isBefore(earliest) || now.isAfter(latest)) {
            throw reject(SigV4Failure.SIGNATURE_MISMATCH, parts);
        }
    }

    /**
     * The x-amz-content-sha256 value, taken literally, when present: a hex hash must match the body;
     * UNSIGNED-PAYLOAD and STREAMING-* markers stand as they are; anything else is refused. Absent,
     * it is the body's hash, as the SDKs sign it (presigned URLs too, except S3-style ones: see above).
     */
    private static String payloadHash(WireRequest request, SignatureParts parts) throws Rejection {
        List<String> declared = request.headers().all(X_AMZ_CONTENT_SHA256);
        if (declared.size() > 1) {
            throw reject(SigV4Failure.INCOMPLETE_SIGNATURE, parts);
        }
        if (declared.isEmpty()) {
            return SigV4Crypto.sha256Hex(request.body());
        }
        String value = declared.get(0);
        if (SigV4Crypto.isSha256Hex(value)) {
            byte[] actual = SigV4Crypto.sha256Hex(request.body()).getBytes(StandardCharsets.US_ASCII);
            byte[] claimed = value.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(actual, claimed)) {
                throw reject(SigV4Failure.SIGNATURE_MISMATCH, parts);
            }
            return value;
        }
        if (UNSIGNED_PAYLOAD.equals(value) || value.startsWith(STREAMING_PREFIX)) {
            return value;
        }
        throw reject(SigV4Failure.SIGNATURE_MISMATCH, parts);
    }

    private static Rejection reject(SigV4Failure failure, SignatureParts parts) {
        return new Rejection(failure, parts.service());
    }
}

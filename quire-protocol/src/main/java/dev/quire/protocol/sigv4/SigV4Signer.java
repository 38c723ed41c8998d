package dev.quire.protocol.sigv4;

import static dev.quire.protocol.sigv4.SigV4Constants.*;

import dev.quire.protocol.http.Headers;
import dev.quire.protocol.http.WireRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Signs a request the way the AWS SDKs do, for Quire's own clients, tests and benchmarks. It uses
 * the verifier's canonicalization, so whatever it signs, {@link SigV4Verifier} accepts.
 *
 * <p>Every header present is signed except the few the SDKs leave out; {@code host} is added
 * (valued from the authority) unless the request already names {@code host} or {@code :authority}.
 * An {@code x-amz-content-sha256} header already present (UNSIGNED-PAYLOAD, a STREAMING marker)
 * is kept; otherwise the body hash is set.
 */
public final class SigV4Signer {
    private static final Set<String> UNSIGNED_HEADERS =
            Set.of(AUTHORIZATION, "user-agent", "expect", "connection", "x-amzn-trace-id", "transfer-encoding");
    private final Clock clock;
    private final SigningKeys signingKeys = new SigningKeys();

    public SigV4Signer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A copy of the request with x-amz-date, x-amz-content-sha256, x-amz-security-token and Authorization set. */
    public WireRequest sign(WireRequest request, String accessKeyId, String secretAccessKey, String sessionToken,
                            String region, String service) {
        String amzDate = AmzDates.format(clock.instant());
        Headers headers = copyWithout(request.headers(), Set.of(AUTHORIZATION, X_AMZ_DATE, X_AMZ_SECURITY_TOKEN));
        headers.set(X_AMZ_DATE, amzDate);
        if (!headers.has(X_AMZ_CONTENT_SHA256)) {
            headers.set(X_AMZ_CONTENT_SHA256, SigV4Crypto.sha256Hex(request.body()));
        }
        if (sessionToken != null) {
            headers.set(X_AMZ_SECURITY_TOKEN, sessionToken);
        }
        WireRequest result = withParts(request, request.rawQuery(), headers);
        List<String> signedHeaders = signedHeaders(result);
        String signature = signature(result, signedHeaders, headers.first(X_AMZ_CONTENT_SHA256), null,
                secretAccessKey, amzDate, region, service);
        // Added last, to the headers the result shares, so it is not itself among the signed headers.
        headers.set(AUTHORIZATION, ALGORITHM + " Credential=" + accessKeyId + '/' + scope(amzDate, region, service)
                + ", SignedHeaders=" + String.join(";", signedHeaders) + ", Signature=" + signature);
        return result;
    }

    /** A copy of the request with the presigned X-Amz-* query parameters appended, valid for {@code expires}. */
    public WireRequest presign(WireRequest request, String accessKeyId, String secretAccessKey, String sessionToken,
                               String region, String service, Duration expires) {
        String amzDate = AmzDates.format(clock.instant());
        Headers headers = copyWithout(request.headers(), Set.of(AUTHORIZATION));
        List<String> signedHeaders = signedHeaders(withParts(request, request.rawQuery(), headers));
        StringBuilder query = new StringBuilder(request.rawQuery() == null ? "" : request.rawQuery());
        appendParam(query, Q_ALGORITHM, ALGORITHM);
        appendParam(query, Q_CREDENTIAL, accessKeyId + '/' + scope(amzDate, region, service));
        appendParam(query, Q_DATE, amzDate);
        appendParam(query, Q_EXPIRES, Long.toString(expires.toSeconds()));
        appendParam(query, Q_SIGNED_HEADERS, String.join(";", signedHeaders));
        if (sessionToken != null) {
            appendParam(query, Q_SECURITY_TOKEN, sessionToken);
        }
        // Like the SDKs' generic presigners (not S3's): the body hash unless a header declares otherwise.
        String payloadHash = headers.has(X_AMZ_CONTENT_SHA256)
                ? headers.first(X_AMZ_CONTENT_SHA256) : SigV4Crypto.sha256Hex(request.body());
        String signature = signature(withParts(request, query.toString(), headers), signedHeaders, payloadHash,
                Q_SIGNATURE, secretAccessKey, amzDate, region, service);
        appendParam(query, Q_SIGNATURE, signature);
        return withParts(request, query.toString(), headers);
    }

    private String signature(WireRequest request, List<String> signedHeaders, String payloadHash, String excluded,
                             String secret, String amzDate, String region, String service) {
        String canonical = CanonicalRequest.build(request, signedHeaders, payloadHash, excluded);
        if (canonical == null) {
            throw new IllegalArgumentException("request has neither a host header nor an authority");
        }
        String stringToSign = CanonicalRequest.stringToSign(amzDate, scope(amzDate, region, service), canonical);
        return signingKeys.signature(secret, amzDate.substring(0, 8), region, service, stringToSign);
    }

    private static List<String> signedHeaders(WireRequest request) {
        List<String> names = new ArrayList<>();
        for (String name : request.headers().names()) {
            if (!UNSIGNED_HEADERS.contains(name)) {
                names.add(name);
            }
        }
        if (!names.contains(CanonicalRequest.HOST) && !names.contains(CanonicalRequest.AUTHORITY)) {
            names.add(CanonicalRequest.HOST);
        }
        names.sort(null);
        return names;
    }

    private static String scope(String amzDate, String region, String service) {
        return amzDate.substring(0, 8) + '/' + region + '/' + service + '/' + TERMINATOR;
    }

    private static void appendParam(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(name).append('=').append(CanonicalRequest.encode(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static Headers copyWithout(Headers source, Set<String> excluded) {
        Headers copy = new Headers();
        for (String name : source.names()) {
            if (!excluded.contains(name)) {
                source.all(name).forEach(value -> copy.add(name, value));
            }
        }
        return copy;
    }

    private static WireRequest withParts(WireRequest request, String rawQuery, Headers headers) {
        return new WireRequest(request.method(), request.rawPath(), rawQuery, request.authority(), headers,
                request.body(), request.remoteAddress());
    }
}

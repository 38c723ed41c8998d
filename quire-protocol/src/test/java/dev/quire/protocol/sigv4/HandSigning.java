package dev.quire.protocol.sigv4;

import dev.quire.protocol.http.WireRequest;
import java.util.List;

/**
 * Signs with chosen, possibly inconsistent, parameters (signed headers, request date vs scope
 * date) so a test can show that one specific check, and not the signature, refuses a request.
 */
final class HandSigning {
    static final String REGION = "us-east-1";
    static final String SERVICE = "sts";

    private HandSigning() {}

    /** Adds an Authorization header; the caller has already put the date header(s) it wants on the request. */
    static WireRequest sign(WireRequest request, String secret, String signingDate, String scopeDate,
                            List<String> signedHeaders) {
        String declared = request.headers().first("x-amz-content-sha256");
        String payloadHash = declared != null ? declared : SigV4Crypto.sha256Hex(request.body());
        String canonical = CanonicalRequest.build(request, signedHeaders, payloadHash, null);
        String scope = scopeDate + "/" + REGION + "/" + SERVICE + "/aws4_request";
        String stringToSign = CanonicalRequest.stringToSign(signingDate, scope, canonical);
        String signature = SigV4Crypto.hex(SigV4Crypto.hmac(SigningKeys.derive(secret, scopeDate, REGION, SERVICE),
                stringToSign));
        return Fixtures.withHeader(request, "authorization", "AWS4-HMAC-SHA256 Credential=" + SdkSigning.AKID + "/"
                + scope + ", SignedHeaders=" + String.join(";", signedHeaders) + ", Signature=" + signature);
    }

    /** A presigned query signed over {@code payloadHash} (S3-style presigners use UNSIGNED-PAYLOAD). */
    static WireRequest presign(WireRequest request, String amzDate, long expires, String payloadHash) {
        String scope = amzDate.substring(0, 8) + "/" + REGION + "/" + SERVICE + "/aws4_request";
        String query = (request.rawQuery() == null ? "" : request.rawQuery() + "&")
                + "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + SdkSigning.AKID + "%2F" + scope.replace("/", "%2F")
                + "&X-Amz-Date=" + amzDate + "&X-Amz-Expires=" + expires + "&X-Amz-SignedHeaders=host";
        WireRequest unsigned = Fixtures.withQuery(request, query);
        String canonical = CanonicalRequest.build(unsigned, List.of("host"), payloadHash, null);
        String signature = SigV4Crypto.hex(SigV4Crypto.hmac(
                SigningKeys.derive(SdkSigning.SECRET, amzDate.substring(0, 8), REGION, SERVICE),
                CanonicalRequest.stringToSign(amzDate, scope, canonical)));
        return Fixtures.withQuery(request, query + "&X-Amz-Signature=" + signature);
    }
}

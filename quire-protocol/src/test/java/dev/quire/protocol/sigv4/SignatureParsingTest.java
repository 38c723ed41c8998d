package dev.quire.protocol.sigv4;

import static dev.quire.protocol.sigv4.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.protocol.http.Headers;
import dev.quire.protocol.http.WireRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How the verifier reads (or refuses to read) what a request claims about its signature. */
class SignatureParsingTest {
    private final SigV4Verifier verifier = new SigV4Verifier(CLOCK);
    private final KeyStore keys = new KeyStore();

    private static WireRequest signed() {
        Headers headers = new Headers().add("Host", "127.0.0.1:8443").add("Content-Type", "application/json");
        return new SigV4Signer(CLOCK).sign(wire("POST", "/applications", null, headers, "{}"), SdkSigning.AKID,
                SdkSigning.SECRET, null, "us-east-1", "qbusiness");
    }

    private SigV4Result verifyWithAuthorization(String authorization) {
        return verifier.verify(withHeader(signed(), "authorization", authorization), keys);
    }

    @Test
    void spacingVariationsAreTolerated() {
        String original = signed().headers().first("authorization");
        assertThat(verifyWithAuthorization(original)).isInstanceOf(SigV4Result.Verified.class);
        assertThat(verifyWithAuthorization(original.replace(", ", ","))).isInstanceOf(SigV4Result.Verified.class);
        assertThat(verifyWithAuthorization("  " + original.replace(", ", " ,  ").replace("SHA256 ", "SHA256   ") + " "))
                .isInstanceOf(SigV4Result.Verified.class);
    }

    @Test
    void truncatedOrGarbledAuthorizationIsIncomplete() {
        String original = signed().headers().first("authorization");
        String scope = "AKIDEXAMPLE/20250304/us-east-1/qbusiness/aws4_request";
        String signature = original.substring(original.indexOf("Signature=") + 10);
        SigV4Result.Rejected withService = new SigV4Result.Rejected(SigV4Failure.INCOMPLETE_SIGNATURE, "qbusiness");
        SigV4Result.Rejected withoutService = new SigV4Result.Rejected(SigV4Failure.INCOMPLETE_SIGNATURE, null);
        assertThat(verifyWithAuthorization(original.substring(0, original.length() - 10))).isEqualTo(withService);
        assertThat(verifyWithAuthorization(original.substring(0, original.indexOf(", Signature")))).isEqualTo(withService);
        assertThat(verifyWithAuthorization(original.substring(0, 40))).isEqualTo(withoutService);
        assertThat(verifyWithAuthorization("AWS4-HMAC-SHA256")).isEqualTo(withoutService);
        assertThat(verifyWithAuthorization("AWS4-HMAC-SHA256 " + "x".repeat(30))).isEqualTo(withoutService);
        assertThat(verifyWithAuthorization("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250304/us-east-1/qbusiness, "
                + "SignedHeaders=host, Signature=" + signature)).isEqualTo(withoutService);
        assertThat(verifyWithAuthorization("AWS4-HMAC-SHA256 Credential=" + scope.replace("aws4_request", "aws5_request")
                + ", SignedHeaders=host, Signature=" + signature)).isEqualTo(withService);
        assertThat(verifyWithAuthorization(original + ", Signature=" + signature)).isEqualTo(withService);
        assertThat(verifyWithAuthorization(original + ", Extra=1")).isEqualTo(withService);
        assertThat(verifyWithAuthorization(original.replace("SignedHeaders=", "SignedHeaders=;"))).isEqualTo(withService);
        assertThat(verifyWithAuthorization(original.replace("content-type", "Content-Type"))).isEqualTo(withService);
        assertThat(verifyWithAuthorization(original.replace(signature, signature.toUpperCase()))).isEqualTo(withService);
        assertThat(verifyWithAuthorization(original.replace("/20250304/", "/2025034/"))).isEqualTo(withoutService);
    }

    @Test
    void otherAlgorithmsAreIncomplete() {
        String original = signed().headers().first("authorization");
        SigV4Result.Rejected incomplete = new SigV4Result.Rejected(SigV4Failure.INCOMPLETE_SIGNATURE, null);
        assertThat(verifyWithAuthorization(original.replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256")))
                .isEqualTo(incomplete);
        assertThat(verifyWithAuthorization("AWS AKIDEXAMPLE:c2lnbmF0dXJl")).isEqualTo(incomplete);
        assertThat(verifyWithAuthorization("Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig")).isEqualTo(incomplete);
    }

    @Test
    void signedHeadersMustNameHostOrAuthority() {
        WireRequest request = withHeader(withHeader(signed(), "authorization", null), "x-amz-date", "20250304T050607Z");
        assertThat(verifier.verify(HandSigning.sign(request, SdkSigning.SECRET, "20250304T050607Z", "20250304",
                List.of("content-type", "host", "x-amz-date")), keys)).isInstanceOf(SigV4Result.Verified.class);
        assertThat(verifier.verify(HandSigning.sign(request, SdkSigning.SECRET, "20250304T050607Z", "20250304",
                List.of("content-type", "x-amz-date")), keys))
                .isEqualTo(new SigV4Result.Rejected(SigV4Failure.INCOMPLETE_SIGNATURE, "sts"));
    }

    @Test
    void noSigningAtAllIsUnsignedAndTheLookupIsNotAsked() {
        AtomicInteger lookups = new AtomicInteger();
        SecretLookup counting = (id, token) -> {
            lookups.incrementAndGet();
            return keys.find(id, token);
        };
        Headers headers = new Headers().add("Host", "h").add("Content-Type", "application/x-www-form-urlencoded");
        WireRequest arwwi = wire("POST", "/", null, headers, "Action=AssumeRoleWithWebIdentity&WebIdentityToken=t");
        assertThat(verifier.verify(arwwi, counting)).isEqualTo(new SigV4Result.Unsigned());
        assertThat(verifier.verify(withQuery(arwwi, "X-Amz-Target=x"), counting)).isEqualTo(new SigV4Result.Unsigned());
        assertThat(lookups).hasValue(0);
        assertThat(verifier.verify(signed(), counting)).isInstanceOf(SigV4Result.Verified.class);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void signingParametersWithoutASignatureAreMissingAuthentication() {
        SigV4Result.Rejected missing = new SigV4Result.Rejected(SigV4Failure.MISSING_AUTHENTICATION, null);
        WireRequest unsigned = withHeader(signed(), "authorization", null);
        assertThat(verifier.verify(unsigned, keys)).isEqualTo(missing);
        WireRequest tokenOnly = wire("GET", "/", null, new Headers().add("x-amz-security-token", "t"), null);
        assertThat(verifier.verify(tokenOnly, keys)).isEqualTo(missing);
        WireRequest presigned = new SigV4Signer(CLOCK).presign(wire("GET", "/", null, new Headers(), null),
                SdkSigning.AKID, SdkSigning.SECRET, null, "us-east-1", "sts", Duration.ofSeconds(60));
        assertThat(verifier.verify(presigned, keys)).isInstanceOf(SigV4Result.Verified.class);
        String withoutSignature = presigned.rawQuery().replaceAll("&X-Amz-Signature=[0-9a-f]+", "");
        assertThat(verifier.verify(withQuery(presigned, withoutSignature), keys)).isEqualTo(missing);
    }

    @Test
    void twoAuthenticationMechanismsAreRefused() {
        WireRequest presigned = new SigV4Signer(CLOCK).presign(wire("GET", "/", null, new Headers(), null),
                SdkSigning.AKID, SdkSigning.SECRET, null, "us-east-1", "sts", Duration.ofSeconds(60));
        WireRequest both = withHeader(presigned, "authorization", signed().headers().first("authorization"));
        assertThat(verifier.verify(both, keys)).isEqualTo(new SigV4Result.Rejected(SigV4Failure.INCOMPLETE_SIGNATURE, null));
        WireRequest twoHeaders = withHeader(signed(), "x-ignored", "1");
        twoHeaders.headers().add("authorization", signed().headers().first("authorization"));
        assertThat(verifier.verify(twoHeaders, keys))
                .isEqualTo(new SigV4Result.Rejected(SigV4Failure.INCOMPLETE_SIGNATURE, null));
    }

    @Test
    void presignedParametersMustBeWellFormed() {
        WireRequest presigned = new SigV4Signer(CLOCK).presign(wire("GET", "/", "a=1", new Headers(), null),
                SdkSigning.AKID, SdkSigning.SECRET, null, "us-east-1", "sts", Duration.ofSeconds(60));
        assertThat(verifier.verify(presigned, keys)).isInstanceOf(SigV4Result.Verified.class);
        SigV4Result.Rejected incomplete = new SigV4Result.Rejected(SigV4Failure.INCOMPLETE_SIGNATURE, "sts");
        String query = presigned.rawQuery();
        assertThat(verifier.verify(withQuery(presigned, query.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA1")), keys))
                .isEqualTo(incomplete);
        assertThat(verifier.verify(withQuery(presigned, query.replace("X-Amz-Expires=60", "X-Amz-Expires=-1")), keys))
                .isEqualTo(incomplete);
        assertThat(verifier.verify(withQuery(presigned, query.replace("X-Amz-Date=20250304T050607Z",
                "X-Amz-Date=2025-03-04")), keys)).isEqualTo(incomplete);
        assertThat(verifier.verify(withQuery(presigned, query + "&X-Amz-Expires=60"), keys)).isEqualTo(incomplete);
    }

    /** An S3-style presigner signs UNSIGNED-PAYLOAD; accepted only because there is no body to protect. */
    @Test
    void s3StylePresignedUnsignedPayloadOnlyWithoutABody() {
        WireRequest asSent = HandSigning.presign(wire("GET", "/", "a=1", new Headers(), null), "20250304T050607Z", 60,
                "UNSIGNED-PAYLOAD");
        assertThat(verifier.verify(asSent, keys)).isInstanceOf(SigV4Result.Verified.class);
        assertThat(verifier.verify(withBody(asSent, utf8("smuggled")), keys))
                .isEqualTo(new SigV4Result.Rejected(SigV4Failure.SIGNATURE_MISMATCH, "sts"));
    }
}

package dev.quire.protocol.sigv4;

import static dev.quire.protocol.sigv4.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.protocol.http.Headers;
import dev.quire.protocol.http.WireRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each refusal beside a control that passes, so every check is shown to be the thing that refuses. */
class SigV4RejectionTest {
    private static final String FORM = "Action=GetCallerIdentity&Version=2011-06-15";
    private final SigV4Verifier verifier = new SigV4Verifier(CLOCK);
    private final KeyStore keys = new KeyStore();

    private static WireRequest stsRequest() {
        Headers headers = new Headers().add("Host", "127.0.0.1:8443")
                .add("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        return wire("POST", "/", null, headers, FORM);
    }

    private static WireRequest signedAt(Instant when, WireRequest request, String secret) {
        return new SigV4Signer(clockAt(when)).sign(request, SdkSigning.AKID, secret, null, "us-east-1", "sts");
    }

    private static WireRequest signed() {
        return signedAt(NOW, stsRequest(), SdkSigning.SECRET);
    }

    private void assertVerified(WireRequest request) {
        SigV4Result result = verifier.verify(request, keys);
        assertThat(result).as("%s", result).isInstanceOf(SigV4Result.Verified.class);
    }

    private void assertRejected(WireRequest request, SigV4Failure failure) {
        assertRejected(verifier, request, failure);
    }

    private void assertRejected(SigV4Verifier by, WireRequest request, SigV4Failure failure) {
        assertThat(by.verify(request, keys)).isEqualTo(new SigV4Result.Rejected(failure, "sts"));
    }

    @Test
    void wrongSecret() {
        assertVerified(signed());
        assertRejected(signedAt(NOW, stsRequest(), "not-the-secret"), SigV4Failure.SIGNATURE_MISMATCH);
    }

    @Test
    void bodyAlteredAfterSigning() {
        WireRequest sdkSigned = SdkSigning.signToWire(SdkInteropTest.stsAssumeRole(), CLOCK);
        assertVerified(sdkSigned);
        assertRejected(withBody(sdkSigned, utf8("Action=AssumeRole&Version=2011-06-15&RoleArn=evil")),
                SigV4Failure.SIGNATURE_MISMATCH);
    }

    @Test
    void bodyAlteredWhenNoContentHashHeaderWasSent() {
        WireRequest request = withHeader(stsRequest(), "x-amz-date", "20250304T050607Z");
        WireRequest signed = HandSigning.sign(request, SdkSigning.SECRET, "20250304T050607Z", "20250304",
                List.of("content-type", "host", "x-amz-date"));
        assertVerified(signed);
        assertRejected(withBody(signed, utf8(FORM + "&x=1")), SigV4Failure.SIGNATURE_MISMATCH);
    }

    @Test
    void signedHeaderAltered() {
        assertVerified(signed());
        assertRejected(withHeader(signed(), "content-type", "application/json"), SigV4Failure.SIGNATURE_MISMATCH);
    }

    @Test
    void pathMethodAndQueryAreCovered() {
        WireRequest request = wire("GET", "/groups/a%2Fb", "x=1", new Headers(), null);
        WireRequest signed = new SigV4Signer(CLOCK).sign(request, SdkSigning.AKID, SdkSigning.SECRET, null,
                "us-east-1", "sts");
        assertVerified(signed);
        WireRequest decodedPath = new WireRequest("GET", "/groups/a/b", "x=1", signed.authority(), signed.headers(),
                null, null);
        assertRejected(decodedPath, SigV4Failure.SIGNATURE_MISMATCH);
        assertRejected(withQuery(signed, "x=1&y=2"), SigV4Failure.SIGNATURE_MISMATCH);
        assertRejected(new WireRequest("DELETE", signed.rawPath(), signed.rawQuery(), signed.authority(),
                signed.headers(), null, null), SigV4Failure.SIGNATURE_MISMATCH);
    }

    @Test
    void signedHeaderMissingFromTheRequest() {
        WireRequest withExtra = withHeader(stsRequest(), "x-amz-target", "t");
        WireRequest signed = signedAt(NOW, withExtra, SdkSigning.SECRET);
        assertVerified(signed);
        assertRejected(withHeader(signed, "x-amz-target", null), SigV4Failure.SIGNATURE_MISMATCH);
    }

    @Test
    void dateTwentyMinutesOld() {
        assertVerified(signedAt(NOW.minus(Duration.ofMinutes(14)), stsRequest(), SdkSigning.SECRET));
        assertRejected(signedAt(NOW.minus(Duration.ofMinutes(20)), stsRequest(), SdkSigning.SECRET),
                SigV4Failure.SIGNATURE_MISMATCH);
    }

    @Test
    void dateTwentyMinutesInTheFuture() {
        assertVerified(signedAt(NOW.plus(Duration.ofMinutes(14)), stsRequest(), SdkSigning.SECRET));
        assertRejected(signedAt(NOW.plus(Duration.ofMinutes(20)), stsRequest(), SdkSigning.SECRET),
                SigV4Failure.SIGNATURE_MISMATCH);
    }

    @Test
    void scopeDateMustBeTheRequestDay() {
        WireRequest request = withHeader(stsRequest(), "x-amz-date", "20250304T050607Z");
        List<String> signedHeaders = List.of("content-type", "host", "x-amz-date");
        assertVerified(HandSigning.sign(request, SdkSigning.SECRET, "20250304T050607Z", "20250304", signedHeaders));
        assertRejected(HandSigning.sign(request, SdkSigning.SECRET, "20250304T050607Z", "20250303", signedHeaders),
                SigV4Failure.SIGNATURE_MISMATCH);
    }

    @Test
    void scopeDateIsTheRequestDayEvenAcrossMidnight() {
        Instant beforeMidnight = Instant.parse("2025-03-04T23:59:00Z");
        WireRequest signed = signedAt(beforeMidnight, stsRequest(), SdkSigning.SECRET);
        SigV4Verifier afterMidnight = new SigV4Verifier(clockAt(Instant.parse("2025-03-05T00:05:00Z")));
        assertThat(afterMidnight.verify(signed, keys)).isInstanceOf(SigV4Result.Verified.class);
    }

    @Test
    void dateHeaderIsUsedWhenThereIsNoXAmzDate() {
        WireRequest request = withHeader(stsRequest(), "date", "Tue, 04 Mar 2025 05:06:07 GMT");
        List<String> signedHeaders = List.of("content-type", "date", "host");
        assertVerified(HandSigning.sign(request, SdkSigning.SECRET, "20250304T050607Z", "20250304", signedHeaders));
        assertRejected(HandSigning.sign(stsRequest(), SdkSigning.SECRET, "20250304T050607Z", "20250304",
                List.of("content-type", "host")), SigV4Failure.INCOMPLETE_SIGNATURE);
    }

    @Test
    void unknownAccessKey() {
        assertVerified(signed());
        WireRequest other = new SigV4Signer(CLOCK).sign(stsRequest(), "AKIDUNKNOWN", SdkSigning.SECRET, null,
                "us-east-1", "sts");
        assertRejected(other, SigV4Failure.UNKNOWN_ACCESS_KEY);
        WireRequest wrongToken = new SigV4Signer(CLOCK).sign(stsRequest(), SESSION_AKID, SESSION_SECRET, "other-token",
                "us-east-1", "sts");
        assertRejected(wrongToken, SigV4Failure.UNKNOWN_ACCESS_KEY);
    }

    @Test
    void expiredSessionCredential() {
        WireRequest signed = new SigV4Signer(CLOCK).sign(stsRequest(), SESSION_AKID, SESSION_SECRET, SESSION_TOKEN,
                "us-east-1", "sts");
        assertVerified(signed);
        keys.put(SESSION_TOKEN, new SigningCredential(SESSION_AKID, SESSION_SECRET, NOW, "session-user"));
        assertRejected(signed, SigV4Failure.EXPIRED_TOKEN);
        keys.put(SESSION_TOKEN, new SigningCredential(SESSION_AKID, SESSION_SECRET, NOW.minusSeconds(1), "x"));
        assertRejected(signed, SigV4Failure.EXPIRED_TOKEN);
    }

    @Test
    void contentHashThatIsNotTheBodyHash() {
        WireRequest declared = withHeader(stsRequest(), "x-amz-content-sha256", SigV4Crypto.sha256Hex(utf8(FORM)));
        assertVerified(signedAt(NOW, declared, SdkSigning.SECRET));
        WireRequest otherHash = withHeader(stsRequest(), "x-amz-content-sha256", SigV4Crypto.sha256Hex(utf8("x")));
        assertRejected(signedAt(NOW, otherHash, SdkSigning.SECRET), SigV4Failure.SIGNATURE_MISMATCH);
        WireRequest notHex = withHeader(stsRequest(), "x-amz-content-sha256", "not-a-sha256-and-not-a-marker");
        assertRejected(signedAt(NOW, notHex, SdkSigning.SECRET), SigV4Failure.SIGNATURE_MISMATCH);
        WireRequest streaming = withHeader(stsRequest(), "x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-EVENTS");
        assertVerified(signedAt(NOW, streaming, SdkSigning.SECRET));
    }

    @Test
    void extraUnsignedHeaderDoesNotMatter() {
        WireRequest signed = signed();
        assertVerified(withHeader(withHeader(signed, "x-forwarded-for", "10.0.0.1"), "user-agent", "curl/8"));
    }

    @Test
    void presignedUrlExpires() {
        WireRequest request = wire("GET", "/", "Action=GetCallerIdentity&Version=2011-06-15", new Headers(), null);
        WireRequest presigned = new SigV4Signer(CLOCK).presign(request, SdkSigning.AKID, SdkSigning.SECRET, null,
                "us-east-1", "sts", Duration.ofSeconds(60));
        assertThat(new SigV4Verifier(clockAt(NOW.plusSeconds(60))).verify(presigned, keys))
                .isInstanceOf(SigV4Result.Verified.class);
        assertRejected(new SigV4Verifier(clockAt(NOW.plusSeconds(61))), presigned, SigV4Failure.SIGNATURE_MISMATCH);
        assertRejected(new SigV4Verifier(clockAt(NOW.minus(Duration.ofMinutes(16)))), presigned,
                SigV4Failure.SIGNATURE_MISMATCH);
    }

    @Test
    void presignedUrlLifetimeIsAtMostSevenDays() {
        WireRequest request = wire("GET", "/", "Action=GetCallerIdentity", new Headers(), null);
        SigV4Signer signer = new SigV4Signer(CLOCK);
        assertVerified(signer.presign(request, SdkSigning.AKID, SdkSigning.SECRET, null, "us-east-1", "sts",
                Duration.ofSeconds(604_800)));
        assertRejected(signer.presign(request, SdkSigning.AKID, SdkSigning.SECRET, null, "us-east-1", "sts",
                Duration.ofSeconds(604_801)), SigV4Failure.INCOMPLETE_SIGNATURE);
    }

    @Test
    void presignedSignatureAlteredOrQueryTampered() {
        WireRequest request = wire("GET", "/", "Action=GetCallerIdentity", new Headers(), null);
        WireRequest presigned = new SigV4Signer(CLOCK).presign(request, SdkSigning.AKID, SdkSigning.SECRET, null,
                "us-east-1", "sts", Duration.ofSeconds(300));
        assertVerified(presigned);
        assertRejected(withQuery(presigned, presigned.rawQuery().replace("Action=GetCallerIdentity", "Action=AssumeRole")),
                SigV4Failure.SIGNATURE_MISMATCH);
        assertRejected(withQuery(presigned, presigned.rawQuery().replace("X-Amz-Expires=300", "X-Amz-Expires=3000")),
                SigV4Failure.SIGNATURE_MISMATCH);
    }
}

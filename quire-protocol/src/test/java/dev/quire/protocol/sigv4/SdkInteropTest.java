package dev.quire.protocol.sigv4;

import static dev.quire.protocol.sigv4.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.protocol.http.Headers;
import dev.quire.protocol.http.WireRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/** Requests signed by the AWS SDK v2 signer verify, and Quire's signer produces what the SDK produces. */
class SdkInteropTest {
    static final String CHAT_BODY = "{\"userMessage\":\"hi\",\"chatMode\":\"RETRIEVAL_MODE\",\"clientToken\":\"c1\"}";
    private final SigV4Verifier verifier = new SigV4Verifier(CLOCK);
    private final KeyStore keys = new KeyStore();

    static SdkSigning.Spec stsAssumeRole() {
        String form = "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr&RoleSessionName=s";
        SdkHttpFullRequest request = SdkSigning.request(SdkHttpMethod.POST, "http", "/")
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
        return SdkSigning.Spec.of(request, utf8(form), "us-east-1", "sts");
    }

    static SdkSigning.Spec chatSync() {
        SdkHttpFullRequest request = SdkSigning.request(SdkHttpMethod.POST, "http", "/applications/a1/conversations")
                .appendRawQueryParameter("sync", (String) null)
                .appendRawQueryParameter("userId", "alice@example.com")
                .appendRawQueryParameter("userGroups", "g1").appendRawQueryParameter("userGroups", "g 2")
                .putHeader("Content-Type", "application/json").putHeader("amz-sdk-invocation-id", "inv-1")
                .putHeader("amz-sdk-request", "attempt=1; max=4").build();
        return SdkSigning.Spec.of(request, utf8(CHAT_BODY), "us-east-1", "qbusiness");
    }

    private SigV4Result.Verified assertVerified(WireRequest request) {
        SigV4Result result = verifier.verify(request, keys);
        assertThat(result).as("%s", result).isInstanceOf(SigV4Result.Verified.class);
        return (SigV4Result.Verified) result;
    }

    @Test
    void awsQueryFormPostToSts() {
        SigV4Result.Verified verified = assertVerified(SdkSigning.signToWire(stsAssumeRole(), CLOCK));
        assertThat(verified.service()).isEqualTo("sts");
        assertThat(verified.region()).isEqualTo("us-east-1");
        assertThat(verified.credential().principal()).isEqualTo("long-term-user");
        assertThat(verified.sessionToken()).isNull();
        assertThat(verified.signedHeaders()).contains("host", "content-type", "x-amz-date");
    }

    @Test
    void restJsonPutWithEncodedPathLabels() {
        SdkHttpFullRequest request = SdkSigning.request(SdkHttpMethod.PUT, "http",
                        "/applications/a1/indices/i1/groups/team%20a%2Fb%2Bc%40d")
                .putHeader("Content-Type", "application/json").build();
        WireRequest wire = SdkSigning.signToWire(
                SdkSigning.Spec.of(request, utf8("{\"type\":\"INDEX\"}"), "eu-west-1", "qbusiness"), CLOCK);
        assertThat(wire.rawPath()).isEqualTo("/applications/a1/indices/i1/groups/team%20a%2Fb%2Bc%40d");
        SigV4Result.Verified verified = assertVerified(wire);
        assertThat(verified.region()).isEqualTo("eu-west-1");
        assertThat(verified.service()).isEqualTo("qbusiness");
    }

    @Test
    void queryWithBareSyncKeyAndRepeatedKeys() {
        WireRequest wire = SdkSigning.signToWire(chatSync(), CLOCK);
        assertThat(wire.rawQuery()).startsWith("sync&");
        assertVerified(wire);
        // The JS SDK sends the same parameters as ?sync=&... in another order; the canonical query is the same.
        assertVerified(withQuery(wire, "userGroups=g%202&sync=&userId=alice%40example.com&userGroups=g1"));
    }

    @Test
    void getWithQueryAndNoBody() {
        SdkHttpFullRequest request = SdkSigning.request(SdkHttpMethod.GET, "http", "/applications")
                .appendRawQueryParameter("maxResults", "10").appendRawQueryParameter("nextToken", "a/b+c=").build();
        assertVerified(SdkSigning.signToWire(SdkSigning.Spec.of(request, null, "aws-global", "qbusiness"), CLOCK));
    }

    @Test
    void java2SendsOnlyAuthorityButSignsHost() {
        assertVerified(withoutHostHeader(SdkSigning.signToWire(chatSync(), CLOCK)));
    }

    @Test
    void sessionTokenIsPassedToTheLookupAndReturned() {
        SdkSigning.Spec spec = chatSync().withSessionToken(SESSION_TOKEN);
        SdkHttpRequest signed = SdkSigning.sign(spec, CLOCK);
        // The SDK signs with the example key; register the same key as a session credential.
        keys.put(SESSION_TOKEN, new SigningCredential(SdkSigning.AKID, SdkSigning.SECRET, NOW.plusSeconds(60), "role"));
        SigV4Result.Verified verified = assertVerified(SdkSigning.toWire(signed, spec.body()));
        assertThat(verified.sessionToken()).isEqualTo(SESSION_TOKEN);
        assertThat(verified.credential().principal()).isEqualTo("role");
        assertThat(verified.signedHeaders()).contains("x-amz-security-token");
    }

    @Test
    void presignedUrlFromTheSdk() {
        SdkHttpFullRequest request = SdkSigning.request(SdkHttpMethod.GET, "http", "/applications/a1")
                .appendRawQueryParameter("x", "1 2").build();
        SdkSigning.Spec spec = SdkSigning.Spec.of(request, null, "us-east-1", "qbusiness")
                .presigned(Duration.ofMinutes(10));
        WireRequest wire = SdkSigning.signToWire(spec, CLOCK);
        assertThat(wire.headers().has("authorization")).isFalse();
        assertThat(wire.rawQuery()).contains("X-Amz-Signature=");
        assertVerified(wire);
        assertThat(new SigV4Verifier(clockAt(NOW.plusSeconds(599))).verify(wire, keys))
                .isInstanceOf(SigV4Result.Verified.class);
    }

    @Test
    void presignedUrlWithSessionTokenInTheQuery() {
        SdkHttpFullRequest request = SdkSigning.request(SdkHttpMethod.GET, "http", "/applications").build();
        SdkSigning.Spec spec = SdkSigning.Spec.of(request, null, "us-east-1", "qbusiness")
                .withSessionToken(SESSION_TOKEN).presigned(Duration.ofMinutes(5));
        keys.put(SESSION_TOKEN, new SigningCredential(SdkSigning.AKID, SdkSigning.SECRET, null, "role"));
        WireRequest wire = SdkSigning.signToWire(spec, CLOCK);
        assertThat(wire.rawQuery()).contains("X-Amz-Security-Token=");
        assertThat(assertVerified(wire).sessionToken()).isEqualTo(SESSION_TOKEN);
    }

    @Test
    void unsignedPayloadOverHttps() {
        SdkHttpFullRequest request = chatSync().request().toBuilder().protocol("https").build();
        WireRequest wire = SdkSigning.signToWire(
                SdkSigning.Spec.of(request, utf8(CHAT_BODY), "us-east-1", "qbusiness").unsignedPayload(), CLOCK);
        assertThat(wire.headers().first("x-amz-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
        assertVerified(wire);
        // UNSIGNED-PAYLOAD means the body is not covered: a different body still verifies.
        assertVerified(withBody(wire, utf8("{\"userMessage\":\"other\"}")));
    }

    @Test
    void quireSignerProducesTheSdkAuthorizationHeader() {
        for (SdkSigning.Spec spec : new SdkSigning.Spec[] {chatSync(), stsAssumeRole(), chatSync().withSessionToken("t")}) {
            WireRequest bySdk = SdkSigning.signToWire(spec, CLOCK);
            WireRequest unsigned = withHeader(withHeader(bySdk, "authorization", null), "host", null);
            WireRequest byQuire = new SigV4Signer(CLOCK).sign(unsigned, SdkSigning.AKID, SdkSigning.SECRET,
                    spec.sessionToken(), spec.region(), spec.service());
            assertThat(byQuire.headers().first("authorization")).isEqualTo(bySdk.headers().first("authorization"));
        }
    }

    @Test
    void quirePresignerProducesTheSdkSignature() {
        SdkHttpFullRequest request = SdkSigning.request(SdkHttpMethod.GET, "http", "/applications/a%2Fb")
                .appendRawQueryParameter("x", "1 2").build();
        SdkSigning.Spec spec = SdkSigning.Spec.of(request, null, "us-east-1", "qbusiness")
                .withSessionToken("tok/en").presigned(Duration.ofMinutes(10));
        WireRequest bySdk = SdkSigning.signToWire(spec, CLOCK);
        WireRequest unsigned = withQuery(withHeader(bySdk, "host", null), "x=1%202");
        WireRequest byQuire = new SigV4Signer(CLOCK).presign(unsigned, SdkSigning.AKID, SdkSigning.SECRET,
                "tok/en", "us-east-1", "qbusiness", Duration.ofMinutes(10));
        assertThat(signatureParam(byQuire)).isEqualTo(signatureParam(bySdk));
        keys.put("tok/en", new SigningCredential(SdkSigning.AKID, SdkSigning.SECRET, null, "role"));
        assertVerified(byQuire);
        assertVerified(bySdk);
    }

    /** JS over HTTP/2 signs :authority instead of host; no such header arrives, only the authority. */
    @Test
    void authorityPseudoHeaderSignedByHand() {
        Headers headers = new Headers().add(":authority", "127.0.0.1:8443").add("content-type", "application/json");
        WireRequest signed = new SigV4Signer(CLOCK).sign(wire("POST", "/applications/a1/conversations",
                "sync=&userId=alice%40example.com", headers, CHAT_BODY), SdkSigning.AKID, SdkSigning.SECRET, null,
                "us-east-1", "qbusiness");
        assertThat(signed.headers().first("authorization")).contains("SignedHeaders=:authority;content-type;");
        SigV4Result.Verified verified = assertVerified(withHeader(signed, ":authority", null));
        assertThat(verified.signedHeaders()).contains(":authority").doesNotContain("host");
    }

    private static String signatureParam(WireRequest request) {
        String query = request.rawQuery();
        return query.substring(query.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length());
    }
}

package dev.quire.protocol.sigv4;

import dev.quire.protocol.http.Headers;
import dev.quire.protocol.http.WireRequest;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Signs requests with the real AWS SDK v2 signer and turns the result into what the server receives. */
final class SdkSigning {
    static final String AKID = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private SdkSigning() {}

    /** What to sign: an SDK request plus how. */
    record Spec(SdkHttpFullRequest request, byte[] body, String region, String service, String sessionToken,
                boolean presign, Duration expires, boolean payloadSigning) {
        static Spec of(SdkHttpFullRequest request, byte[] body, String region, String service) {
            return new Spec(request, body, region, service, null, false, null, true);
        }

        Spec withSessionToken(String token) {
            return new Spec(request, body, region, service, token, presign, expires, payloadSigning);
        }

        Spec presigned(Duration lifetime) {
            return new Spec(request, body, region, service, sessionToken, true, lifetime, payloadSigning);
        }

        Spec unsignedPayload() {
            return new Spec(request, body, region, service, sessionToken, presign, expires, false);
        }
    }

    static SdkHttpFullRequest.Builder request(SdkHttpMethod method, String protocol, String encodedPath) {
        return SdkHttpFullRequest.builder().method(method).protocol(protocol).host("127.0.0.1").port(8443)
                .encodedPath(encodedPath);
    }

    static SdkHttpRequest sign(Spec spec, Clock clock) {
        AwsCredentialsIdentity identity = spec.sessionToken() == null
                ? AwsCredentialsIdentity.create(AKID, SECRET)
                : AwsSessionCredentialsIdentity.create(AKID, SECRET, spec.sessionToken());
        ContentStreamProvider payload = spec.body() == null ? null : () -> new ByteArrayInputStream(spec.body());
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> {
            r.identity(identity).request(spec.request()).payload(payload)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, spec.region())
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, spec.service())
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock)
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, spec.payloadSigning());
            if (spec.presign()) {
                r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, spec.expires());
            }
        });
        return signed.request();
    }

    /** The request as a server sees it: raw path and query as sent, headers, body. */
    static WireRequest toWire(SdkHttpRequest request, byte[] body) {
        Headers headers = new Headers();
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            header.getValue().forEach(value -> headers.add(header.getKey(), value));
        }
        String authority = request.host() + ":" + request.port();
        return new WireRequest(request.method().name(), request.encodedPath(),
                request.encodedQueryParameters().orElse(null), authority, headers, body, "127.0.0.1");
    }

    static WireRequest signToWire(Spec spec, Clock clock) {
        return toWire(sign(spec, clock), spec.body());
    }
}

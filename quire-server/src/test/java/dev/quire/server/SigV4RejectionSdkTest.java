package dev.quire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quire.server.support.ClockShiftedSigner;
import dev.quire.server.support.RunningQuire;
import dev.quire.server.support.TamperingHttpClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * SigV4 failures through the real SDK, each beside its control: the same client setup with
 * nothing wrong succeeds, so a server that rejects everything fails these tests.
 */
class SigV4RejectionSdkTest {
    @TempDir
    static Path dataDir;
    static RunningQuire quire;

    @BeforeAll
    static void start() {
        quire = RunningQuire.h2(dataDir);
    }

    @AfterAll
    static void stop() {
        quire.close();
    }

    private StsClient stsThrough(UnaryOperator<HttpExecuteRequest> tamper) {
        return StsClient.builder().endpointOverride(quire.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(quire.rootCredentials()).httpClient(new TamperingHttpClient(tamper))
                .overrideConfiguration(RunningQuire.noRetries()).build();
    }

    private StsClient stsSignedWith(Clock clock, String service) {
        return StsClient.builder().endpointOverride(quire.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(quire.rootCredentials())
                .overrideConfiguration(RunningQuire.noRetries().toBuilder()
                        .putAdvancedOption(SdkAdvancedClientOption.SIGNER, new ClockShiftedSigner(clock, service)).build())
                .build();
    }

    private static AwsServiceException rejection(Runnable call) {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, call::run);
        assertThat(e).as("the request must be rejected").isNotNull();
        return e;
    }

    @Test
    void controlUntamperedRequestThroughTheSameClientPasses() {
        try (StsClient sts = stsThrough(r -> r)) {
            assertThat(sts.getCallerIdentity().arn()).endsWith(":root");
        }
    }

    @Test
    void wrongSecretIsSignatureDoesNotMatch() {
        try (StsClient sts = quire.sts(RunningQuire.credentials(RunningQuire.ROOT.accessKeyId(), "not-the-secret"))) {
            AwsServiceException e = rejection(() -> sts.getCallerIdentity());
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
            assertThat(e.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void unknownAccessKeyIsInvalidClientTokenId() {
        try (StsClient sts = quire.sts(RunningQuire.credentials("AKIAUNKNOWNUNKNOWN00", "whatever"))) {
            assertThat(rejection(() -> sts.getCallerIdentity()).awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
        }
        try (QBusinessClient qb = quire.qbusiness(RunningQuire.credentials("AKIAUNKNOWNUNKNOWN00", "whatever"))) {
            AwsServiceException e = rejection(() -> qb.listApplications(r -> { }));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(e.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void bodyAlteredAfterSigningIsRejected() {
        try (StsClient sts = stsThrough(r -> withBody(r, "Action=GetCallerIdentity&Version=2011-06-15&X=1"))) {
            assertThat(rejection(() -> sts.getCallerIdentity()).awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
        }
    }

    @Test
    void signedHeaderAlteredAfterSigningIsRejected() {
        try (StsClient sts = stsThrough(r -> HttpExecuteRequest.builder()
                .request(r.httpRequest().toBuilder().putHeader("amz-sdk-invocation-id", "tampered").build())
                .contentStreamProvider(r.contentStreamProvider().orElse(null)).build())) {
            assertThat(rejection(() -> sts.getCallerIdentity()).awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
        }
    }

    @Test
    void extraUnsignedHeaderStillPasses() {
        try (StsClient sts = stsThrough(r -> HttpExecuteRequest.builder()
                .request(r.httpRequest().toBuilder().putHeader("x-added-by-a-proxy", "yes").build())
                .contentStreamProvider(r.contentStreamProvider().orElse(null)).build())) {
            assertThat(sts.getCallerIdentity().arn()).endsWith(":root");
        }
    }

    @Test
    void requestSignedTwentyMinutesAgoIsRejectedButOneFromNowPasses() {
        try (StsClient control = stsSignedWith(Clock.systemUTC(), null)) {
            assertThat(control.getCallerIdentity().arn()).endsWith(":root");
        }
        try (StsClient sts = stsSignedWith(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20)), null)) {
            assertThat(rejection(() -> sts.getCallerIdentity()).awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
        }
    }

    @Test
    void wrongServiceInTheScopeIsRejected() {
        try (StsClient sts = stsSignedWith(Clock.systemUTC(), "s3")) {
            AwsServiceException e = rejection(() -> sts.getCallerIdentity());
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
            assertThat(e.awsErrorDetails().errorMessage()).contains("scoped to a valid service");
        }
    }

    @Test
    void iamSignedForAnotherServiceDoesNotReachIam() {
        // An IAM call signed as "sts" is routed (by its scope) to STS, which has no ListRoles.
        try (IamClient iam = IamClient.builder().endpointOverride(quire.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(quire.rootCredentials())
                .overrideConfiguration(RunningQuire.noRetries().toBuilder()
                        .putAdvancedOption(SdkAdvancedClientOption.SIGNER, new ClockShiftedSigner(Clock.systemUTC(), "sts")).build())
                .build()) {
            AwsServiceException e = rejection(() -> iam.listRoles());
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAction");
        }
    }

    private static HttpExecuteRequest withBody(HttpExecuteRequest r, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpExecuteRequest.builder()
                .request(r.httpRequest().toBuilder().putHeader("Content-Length", String.valueOf(bytes.length)).build())
                .contentStreamProvider(() -> new ByteArrayInputStream(bytes)).build();
    }

}

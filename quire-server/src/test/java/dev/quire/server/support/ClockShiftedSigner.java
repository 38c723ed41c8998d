package dev.quire.server.support;

import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.AwsSignerExecutionAttribute;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.signer.Signer;
import software.amazon.awssdk.http.SdkHttpFullRequest;

/**
 * The SDK's own SigV4 signer with a chosen clock and, optionally, another service name in the
 * scope: a correctly signed request that is stale, or scoped to the wrong service.
 */
@SuppressWarnings("deprecation")
public final class ClockShiftedSigner implements Signer {
    private final Clock clock;
    private final String serviceOverride;

    public ClockShiftedSigner(Clock clock, String serviceOverride) {
        this.clock = clock;
        this.serviceOverride = serviceOverride;
    }

    @Override
    public SdkHttpFullRequest sign(SdkHttpFullRequest request, ExecutionAttributes attributes) {
        AwsCredentials credentials = (AwsCredentials) attributes.getAttribute(AwsSignerExecutionAttribute.AWS_CREDENTIALS);
        Aws4SignerParams params = Aws4SignerParams.builder()
                .awsCredentials(credentials)
                .signingName(serviceOverride != null ? serviceOverride
                        : attributes.getAttribute(AwsSignerExecutionAttribute.SERVICE_SIGNING_NAME))
                .signingRegion(attributes.getAttribute(AwsSignerExecutionAttribute.SIGNING_REGION))
                .signingClockOverride(clock)
                .doubleUrlEncode(true)
                .build();
        return Aws4Signer.create().sign(request, params);
    }
}

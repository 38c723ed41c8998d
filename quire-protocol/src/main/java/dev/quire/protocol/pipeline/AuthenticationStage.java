package dev.quire.protocol.pipeline;

import dev.quire.protocol.AwsService;
import dev.quire.protocol.errors.ProtocolFailure;
import dev.quire.protocol.errors.WireErrorException;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.sigv4.SecretLookup;
import dev.quire.protocol.sigv4.SigV4Failure;
import dev.quire.protocol.sigv4.SigV4Result;
import dev.quire.protocol.sigv4.SigV4Verifier;

/**
 * Verifies SigV4 and routes by the signing service in the credential scope. Unsigned requests
 * pass only as STS calls; {@link DecodeStage} then admits only the federation actions.
 */
public final class AuthenticationStage implements Stage {
    private final SigV4Verifier verifier;
    private final SecretLookup lookup;

    public AuthenticationStage(SigV4Verifier verifier, SecretLookup lookup) {
        this.verifier = verifier;
        this.lookup = lookup;
    }

    @Override
    public WireResponse handle(WireRequest request, Chain chain) {
        SigV4Result result = verifier.verify(request, lookup);
        Authentication authentication;
        if (result instanceof SigV4Result.Verified verified) {
            AwsService service = AwsService.bySigningName(verified.service()).orElse(null);
            if (service == null) {
                request.attribute(AwsService.class, ServiceGuess.fromShape(request));
                throw fail(request, ProtocolFailure.SIGNATURE_MISMATCH,
                        "Credential should be scoped to a valid service: qbusiness, sts, iam or secretsmanager.");
            }
            authentication = new Authentication(service, verified);
        } else if (result instanceof SigV4Result.Rejected rejected) {
            request.attribute(AwsService.class, ServiceGuess.fromScopeOrShape(rejected.service(), request));
            throw fail(request, toProtocolFailure(rejected.failure()), null);
        } else {
            authentication = new Authentication(ServiceGuess.fromShape(request), null);
            if (authentication.service() != AwsService.STS) {
                request.attribute(AwsService.class, authentication.service());
                throw fail(request, ProtocolFailure.MISSING_AUTHENTICATION, null);
            }
        }
        request.attribute(AwsService.class, authentication.service());
        request.attribute(Authentication.class, authentication);
        return chain.proceed(request);
    }

    private static WireErrorException fail(WireRequest request, ProtocolFailure failure, String detail) {
        AwsService service = request.attribute(AwsService.class);
        return detail == null ? failure.exception(service.protocol()) : failure.exception(service.protocol(), detail);
    }

    static ProtocolFailure toProtocolFailure(SigV4Failure failure) {
        return switch (failure) {
            case MISSING_AUTHENTICATION -> ProtocolFailure.MISSING_AUTHENTICATION;
            case INCOMPLETE_SIGNATURE -> ProtocolFailure.INCOMPLETE_SIGNATURE;
            case UNKNOWN_ACCESS_KEY -> ProtocolFailure.UNKNOWN_ACCESS_KEY;
            case SIGNATURE_MISMATCH -> ProtocolFailure.SIGNATURE_MISMATCH;
            case EXPIRED_TOKEN -> ProtocolFailure.EXPIRED_TOKEN;
        };
    }
}

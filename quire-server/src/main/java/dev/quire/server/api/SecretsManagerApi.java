package dev.quire.server.api;

import dev.quire.core.secrets.Secrets;
import dev.quire.protocol.AwsService;
import dev.quire.protocol.awsjson.AwsJsonRequest;
import dev.quire.protocol.errors.ProtocolFailure;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.pipeline.ApiCall;
import dev.quire.protocol.pipeline.Authentication;
import dev.quire.protocol.pipeline.ServiceHandler;
import dev.quire.protocol.restjson.JsonResponses;
import dev.quire.server.api.secrets.SecretsManagerOperations;

/** Secrets Manager (awsJson1.1, 2017-10-17). Secrets are regional: the region is the call's SigV4 scope. */
public final class SecretsManagerApi implements ServiceHandler {
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    /** Only when a request reaches us unsigned, which the pipeline does not allow for Secrets Manager. */
    private static final String FALLBACK_REGION = "us-east-1";

    private final SecretsManagerOperations operations;

    public SecretsManagerApi(Secrets secrets) {
        this.operations = new SecretsManagerOperations(secrets);
    }

    @Override
    public WireResponse handle(WireRequest request, Authentication auth, ApiCall call) {
        String region = auth.signed() ? auth.verified().region() : FALLBACK_REGION;
        return operations.call(call.operation(), region, call.input(AwsJsonRequest.class).body())
                .map(body -> JsonResponses.ok(body, CONTENT_TYPE))
                .orElseThrow(() -> ProtocolFailure.UNKNOWN_OPERATION.exception(AwsService.SECRETS_MANAGER.protocol()));
    }
}

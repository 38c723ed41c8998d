package dev.quire.server.api;

import dev.quire.protocol.AwsService;
import dev.quire.protocol.awsquery.QueryResponses;
import dev.quire.protocol.errors.ProtocolFailure;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.pipeline.ApiCall;
import dev.quire.protocol.pipeline.Authentication;
import dev.quire.protocol.pipeline.RequestId;
import dev.quire.protocol.pipeline.ServiceHandler;
import dev.quire.spi.identity.Caller;

/** STS (awsQuery, 2011-06-15). */
public final class StsApi implements ServiceHandler {
    @Override
    public WireResponse handle(WireRequest request, Authentication auth, ApiCall call) {
        String requestId = request.attribute(RequestId.class).value();
        String ns = AwsService.STS.xmlNamespace();
        return switch (call.operation()) {
            case "GetCallerIdentity" -> {
                Caller caller = (Caller) auth.principal();
                yield QueryResponses.ok(ns, "GetCallerIdentity", xml -> xml
                        .element("UserId", caller.userId())
                        .element("Account", caller.accountId())
                        .element("Arn", caller.arn()), requestId);
            }
            default -> throw ProtocolFailure.UNKNOWN_OPERATION.exception(AwsService.STS.protocol(),
                    "Could not find operation " + call.operation() + " for version 2011-06-15");
        };
    }
}

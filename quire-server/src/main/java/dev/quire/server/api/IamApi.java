package dev.quire.server.api;

import dev.quire.identity.iam.IamService;
import dev.quire.protocol.AwsService;
import dev.quire.protocol.awsquery.QueryRequest;
import dev.quire.protocol.awsquery.QueryResponses;
import dev.quire.protocol.errors.ProtocolFailure;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.pipeline.ApiCall;
import dev.quire.protocol.pipeline.Authentication;
import dev.quire.protocol.pipeline.RequestId;
import dev.quire.protocol.pipeline.ServiceHandler;
import dev.quire.server.api.iam.IamOperation;
import dev.quire.server.api.iam.IamOperations;
import java.util.Map;

/** IAM (awsQuery, 2010-05-08): dispatches each action to its operation in {@code dev.quire.server.api.iam}. */
public final class IamApi implements ServiceHandler {
    private final Map<String, IamOperation> operations;

    public IamApi(IamService iam) {
        this.operations = IamOperations.of(iam);
    }

    @Override
    public WireResponse handle(WireRequest request, Authentication auth, ApiCall call) {
        IamOperation operation = operations.get(call.operation());
        if (operation == null) {
            throw ProtocolFailure.UNKNOWN_OPERATION.exception(AwsService.IAM.protocol(),
                    "Could not find operation " + call.operation() + " for version 2010-05-08");
        }
        String requestId = request.attribute(RequestId.class).value();
        return QueryResponses.ok(AwsService.IAM.xmlNamespace(), call.operation(),
                operation.run(call.input(QueryRequest.class)), requestId);
    }
}

package dev.quire.server.auth;

import dev.quire.protocol.AwsService;
import dev.quire.protocol.errors.WireError;
import dev.quire.protocol.errors.WireErrorException;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.pipeline.ApiCall;
import dev.quire.protocol.pipeline.AuditNotes;
import dev.quire.protocol.pipeline.Authentication;
import dev.quire.protocol.pipeline.Authorizer;
import dev.quire.spi.identity.Caller;

/**
 * Until role policies are evaluated, only the account's root keys may call signed operations;
 * everything else is denied. Unsigned STS federation calls authorize themselves (trust policy).
 */
public final class RootOnlyAuthorizer implements Authorizer {
    @Override
    public void authorize(WireRequest request, Authentication auth, ApiCall call) {
        AuditNotes notes = request.attribute(AuditNotes.class);
        if (!auth.signed()) {
            notes.put("decision", "UNSIGNED_FEDERATION");
            return;
        }
        if (auth.principal() instanceof Caller caller && caller.isRoot()) {
            notes.put("decision", "ALLOW").put("reason", "root");
            return;
        }
        notes.put("decision", "DENY").put("reason", "only root keys are accepted");
        throw new WireErrorException(accessDenied(call.service(), call.operation()));
    }

    static WireError accessDenied(AwsService service, String operation) {
        return accessDenied(service, operation, null, null);
    }

    /** AccessDenied in the called service's format, naming caller, action and resource as AWS does. */
    static WireError accessDenied(AwsService service, String operation, String callerArn, String resource) {
        String message = (callerArn == null ? "You are" : "User: " + callerArn + " is")
                + " not authorized to perform: " + service.signingName() + ":" + operation
                + (resource == null ? "" : " on resource: " + resource);
        return switch (service.protocol()) {
            case AWS_QUERY -> WireError.of("AccessDenied", 403, message);
            case REST_JSON, AWS_JSON_1_1 -> WireError.of("AccessDeniedException", service == AwsService.SECRETS_MANAGER ? 400 : 403, message);
        };
    }
}

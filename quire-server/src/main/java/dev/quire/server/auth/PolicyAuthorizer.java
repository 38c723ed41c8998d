package dev.quire.server.auth;

import dev.quire.identity.iam.IamDirectory;
import dev.quire.identity.iam.IamRole;
import dev.quire.identity.policy.Decision;
import dev.quire.identity.policy.MalformedPolicyException;
import dev.quire.identity.policy.ParseOptions;
import dev.quire.identity.policy.PolicyDocument;
import dev.quire.identity.policy.PolicyEvaluator;
import dev.quire.identity.policy.PrincipalType;
import dev.quire.identity.policy.RequestContext;
import dev.quire.protocol.AwsService;
import dev.quire.protocol.errors.WireError;
import dev.quire.protocol.errors.WireErrorException;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.pipeline.ApiCall;
import dev.quire.protocol.pipeline.AuditNotes;
import dev.quire.protocol.pipeline.Authentication;
import dev.quire.protocol.pipeline.Authorizer;
import dev.quire.server.api.AuditDecisions;
import dev.quire.spi.identity.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Authorizes every signed call against the caller's role policies and the resource ARN. Root
 * keys may do everything; a session may do what its role's policies allow and nothing else
 * (default deny, explicit deny wins). Every decision goes to the audit line.
 */
public final class PolicyAuthorizer implements Authorizer {
    private static final int MAX_CACHED_DOCUMENTS = 4096;
    private final IamDirectory iam;
    private final ResourceArns arns;
    private final Map<String, PolicyDocument> parsed = new ConcurrentHashMap<>();

    public PolicyAuthorizer(String accountId, IamDirectory iam, BiFunction<String, String, String> secretArn) {
        this.iam = iam;
        this.arns = new ResourceArns(accountId, secretArn);
    }

    @Override
    public void authorize(WireRequest request, Authentication auth, ApiCall call) {
        AuditNotes notes = request.attribute(AuditNotes.class);
        if (!auth.signed()) {
            notes.put("decision", "UNSIGNED_FEDERATION");
            return;
        }
        Caller caller = (Caller) auth.principal();
        String action = call.service().signingName() + ":" + actionOf(call.operation());
        if (caller.isRoot()) {
            notes.put("decision", "ALLOW").put("reason", "root");
            return;
        }
        if (action.equals("sts:GetCallerIdentity")) {
            // AWS answers GetCallerIdentity for any valid credentials, whatever the policies say.
            notes.put("decision", "ALLOW").put("reason", "GetCallerIdentity needs no permission");
            return;
        }
        String resource = arns.of(call, auth.verified().region());
        Decision decision = PolicyEvaluator.evaluate(policiesOf(caller), context(caller, action, resource));
        notes.put("decision", decision.effect().name()).put("authorization", AuditDecisions.describe(action, resource, decision));
        if (!decision.isAllowed()) {
            throw new WireErrorException(accessDenied(call.service(), call.operation(), caller.arn(), resource));
        }
    }

    /**
     * The IAM action a call needs. Quire's own QuireExplainMessageAccess reveals no more than the
     * message and its attributions that ListMessages already returns (plus why the caller could
     * read them), so the permission that lets a user read their messages covers it: existing
     * web-experience policies keep working and no new action name is invented.
     */
    static String actionOf(String operation) {
        return "QuireExplainMessageAccess".equals(operation) ? "ListMessages" : operation;
    }

    private List<PolicyDocument> policiesOf(Caller caller) {
        IamRole role = iam.roleByArn(caller.roleArn()).orElse(null);
        if (role == null) {
            return List.of();
        }
        List<PolicyDocument> out = new ArrayList<>();
        for (String json : iam.permissionPolicyDocuments(role)) {
            PolicyDocument doc = parse(json);
            if (doc != null) {
                out.add(doc);
            }
        }
        return out;
    }

    private PolicyDocument parse(String json) {
        PolicyDocument cached = parsed.get(json);
        if (cached != null) {
            return cached;
        }
        try {
            PolicyDocument doc = PolicyDocument.parse(json, ParseOptions.lenient());
            if (parsed.size() > MAX_CACHED_DOCUMENTS) {
                parsed.clear();
            }
            parsed.put(json, doc);
            return doc;
        } catch (MalformedPolicyException e) {
            return null; // stored policies were validated on write; an unreadable one grants nothing
        }
    }

    private static RequestContext context(Caller caller, String action, String resource) {
        RequestContext.Builder ctx = RequestContext.builder()
                .action(action)
                .resource(resource)
                .principal(PrincipalType.AWS, caller.arn())
                .key("aws:userid", caller.userId())
                .key("aws:PrincipalArn", caller.roleArn())
                .key("aws:PrincipalAccount", caller.accountId());
        caller.sessionTags().forEach((k, v) -> ctx.key("aws:PrincipalTag/" + k, v));
        return ctx.build();
    }

    /** AccessDenied in the called service's format, naming caller, action and resource as AWS does. */
    static WireError accessDenied(AwsService service, String operation, String callerArn, String resource) {
        String message = "User: " + callerArn + " is not authorized to perform: " + service.signingName() + ":"
                + operation + " on resource: " + resource;
        return switch (service.protocol()) {
            case AWS_QUERY -> WireError.of("AccessDenied", 403, message);
            case REST_JSON, AWS_JSON_1_1 -> WireError.of("AccessDeniedException",
                    service == AwsService.SECRETS_MANAGER ? 400 : 403, message);
        };
    }
}

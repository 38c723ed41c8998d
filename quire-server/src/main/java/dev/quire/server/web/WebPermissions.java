package dev.quire.server.web;

import dev.quire.identity.iam.IamDirectory;
import dev.quire.identity.iam.IamRole;
import dev.quire.identity.policy.MalformedPolicyException;
import dev.quire.identity.policy.ParseOptions;
import dev.quire.identity.policy.PolicyDocument;
import dev.quire.identity.policy.PolicyEvaluator;
import dev.quire.identity.policy.PrincipalType;
import dev.quire.identity.policy.RequestContext;
import dev.quire.spi.identity.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Policy checks for the web experience, built exactly like the API's PolicyAuthorizer builds them:
 * the role's permission policies, default deny, explicit deny wins.
 */
final class WebPermissions {
    private final IamDirectory iam;

    WebPermissions(IamDirectory iam) {
        this.iam = iam;
    }

    /** Whether a session (as its Caller) may do {@code action} on {@code resource}. */
    boolean callerMay(Caller caller, String action, String resource) {
        RequestContext.Builder ctx = RequestContext.builder()
                .action(action)
                .resource(resource)
                .principal(PrincipalType.AWS, caller.arn())
                .key("aws:userid", caller.userId())
                .key("aws:PrincipalArn", caller.roleArn())
                .key("aws:PrincipalAccount", caller.accountId());
        caller.sessionTags().forEach((k, v) -> ctx.key("aws:PrincipalTag/" + k, v));
        return PolicyEvaluator.evaluate(policies(iam.roleByArn(caller.roleArn())), ctx.build()).isAllowed();
    }

    /** Whether a role itself (e.g. an OIDC secretsRole Quire acts as) may do {@code action} on {@code resource}. */
    boolean roleMay(String roleArn, String action, String resource) {
        Optional<IamRole> role = iam.roleByArn(roleArn);
        if (role.isEmpty()) {
            return false;
        }
        RequestContext ctx = RequestContext.builder().action(action).resource(resource)
                .principal(PrincipalType.AWS, role.get().arn())
                .key("aws:PrincipalArn", role.get().arn())
                .key("aws:PrincipalAccount", role.get().arn().split(":")[4]).build();
        return PolicyEvaluator.evaluate(policies(role), ctx).isAllowed();
    }

    /** The role still exists and is the same role the session was issued for (not a namesake). */
    boolean sameRole(String roleArn, String roleId) {
        return iam.roleByArn(roleArn).filter(r -> r.roleId().equals(roleId)).isPresent();
    }

    private List<PolicyDocument> policies(Optional<IamRole> role) {
        List<PolicyDocument> out = new ArrayList<>();
        if (role.isEmpty()) {
            return out;
        }
        for (String json : iam.permissionPolicyDocuments(role.get())) {
            try {
                out.add(PolicyDocument.parse(json, ParseOptions.lenient()));
            } catch (MalformedPolicyException e) {
                // stored policies were validated on write; an unreadable one grants nothing
            }
        }
        return out;
    }
}

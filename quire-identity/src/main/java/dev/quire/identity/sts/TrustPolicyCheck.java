package dev.quire.identity.sts;

import dev.quire.identity.iam.IamRole;
import dev.quire.identity.policy.Decision;
import dev.quire.identity.policy.MalformedPolicyException;
import dev.quire.identity.policy.ParseOptions;
import dev.quire.identity.policy.PolicyDocument;
import dev.quire.identity.policy.PolicyEvaluator;
import dev.quire.identity.policy.RequestContext;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a role's trust policy for one assume action and, when the session would carry tags,
 * for {@code sts:TagSession} too (AWS requires both). Refusals say only "not authorized".
 */
final class TrustPolicyCheck {
    private TrustPolicyCheck() {
    }

    /**
     * @param base principal and condition keys of the request, without action and resource
     */
    static void require(IamRole role, String action, RequestContext.Builder base, Map<String, String> sessionTags,
                        DecisionListener listener) {
        PolicyDocument trust;
        try {
            trust = PolicyDocument.parse(role.assumeRolePolicyDocument(), ParseOptions.lenient());
        } catch (MalformedPolicyException e) {
            throw denied(action, role);
        }
        List<String> tagKeys = new ArrayList<>(sessionTags.keySet());
        sessionTags.forEach((k, v) -> base.key("aws:RequestTag/" + k, v));
        if (!tagKeys.isEmpty()) {
            base.key("aws:TagKeys", tagKeys);
        }
        check(trust, base.action(action).resource(role.arn()).build(), action, role, listener);
        if (!sessionTags.isEmpty()) {
            check(trust, base.action("sts:TagSession").resource(role.arn()).build(), "sts:TagSession", role, listener);
        }
    }

    private static void check(PolicyDocument trust, RequestContext ctx, String action, IamRole role, DecisionListener listener) {
        Decision decision = PolicyEvaluator.evaluateTrust(trust, ctx);
        listener.decided(action, role.arn(), decision);
        if (!decision.isAllowed()) {
            throw denied(action, role);
        }
    }

    static ApiError denied(String action, IamRole role) {
        return new ApiError(ErrorCode.STS_ACCESS_DENIED, "Not authorized to perform " + action + " on " + role.arn());
    }
}

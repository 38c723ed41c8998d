package dev.quire.identity.policy;

import java.util.List;
import java.util.Objects;

/**
 * Pure IAM policy evaluation: an explicit Deny wins, else any Allow, else an implicit deny.
 * No I/O; safe to call from any thread.
 */
public final class PolicyEvaluator {
    private PolicyEvaluator() {}

    /**
     * Evaluates identity policies (those attached to the caller) for {@code ctx.action()} on
     * {@code ctx.resource()}.
     *
     * @throws MalformedPolicyException if a document is not an identity policy (has a Principal or
     *     lacks Resource): evaluating a trust policy here would silently ignore who may use it
     */
    public static Decision evaluate(List<PolicyDocument> identityPolicies, RequestContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        List<PolicyDocument> docs = List.copyOf(identityPolicies);
        for (PolicyDocument d : docs) {
            d.requireKind(PolicyKind.IDENTITY);
        }
        Decision allow = null;
        for (int i = 0; i < docs.size(); i++) {
            PolicyDocument doc = docs.get(i);
            for (Statement s : doc.statements()) {
                if (!actionMatches(s, ctx) || !resourceMatches(s, ctx) || !conditionsHold(s, ctx)) {
                    continue;
                }
                String policy = label(doc, "#" + (i + 1));
                if (s.effect() == StatementEffect.DENY) {
                    return new Decision(Decision.Effect.EXPLICIT_DENY, policy, s.label());
                }
                if (allow == null) {
                    allow = new Decision(Decision.Effect.ALLOW, policy, s.label());
                }
            }
        }
        return allow != null ? allow : Decision.implicitDeny();
    }

    /**
     * Evaluates a role's trust policy: the statement must name the caller ({@code ctx.principalType()}
     * and {@code ctx.principals()}), the action (e.g. sts:AssumeRoleWithWebIdentity, sts:TagSession)
     * and its conditions must hold.
     *
     * @throws IllegalArgumentException if ctx names no principal type
     * @throws MalformedPolicyException if the document is not a trust policy
     */
    public static Decision evaluateTrust(PolicyDocument trustPolicy, RequestContext ctx) {
        Objects.requireNonNull(trustPolicy, "trustPolicy");
        Objects.requireNonNull(ctx, "ctx");
        if (ctx.principalType() == null) {
            throw new IllegalArgumentException("Trust evaluation needs the caller's principal type (use ANONYMOUS for none)");
        }
        trustPolicy.requireKind(PolicyKind.TRUST);
        Decision allow = null;
        for (Statement s : trustPolicy.statements()) {
            boolean named = s.principal().matches(ctx) != s.notPrincipal();
            if (!named || !actionMatches(s, ctx) || !conditionsHold(s, ctx)) {
                continue;
            }
            String policy = label(trustPolicy, "trust policy");
            if (s.effect() == StatementEffect.DENY) {
                return new Decision(Decision.Effect.EXPLICIT_DENY, policy, s.label());
            }
            if (allow == null) {
                allow = new Decision(Decision.Effect.ALLOW, policy, s.label());
            }
        }
        return allow != null ? allow : Decision.implicitDeny();
    }

    private static String label(PolicyDocument doc, String fallback) {
        return doc.name() != null ? doc.name() : doc.id() != null ? doc.id() : fallback;
    }

    /** Case-insensitive on the whole "service:Action"; wildcards * and ?. */
    private static boolean actionMatches(Statement s, RequestContext ctx) {
        boolean listed = false;
        for (String a : s.actions()) {
            if (GlobPattern.wildcards(a).matches(ctx.action(), true)) {
                listed = true;
                break;
            }
        }
        return listed != s.notAction();
    }

    /**
     * Case-sensitive with wildcards over the whole ARN. An entry whose variable cannot be resolved
     * matches nothing in Resource, and makes a NotResource statement not apply at all: either way
     * it never widens what the statement covers.
     */
    private static boolean resourceMatches(Statement s, RequestContext ctx) {
        boolean listed = false;
        for (ValueTemplate r : s.resources()) {
            GlobPattern p = r.resolve(ctx, true);
            if (p == null) {
                if (s.notResource()) {
                    return false;
                }
                continue;
            }
            if (p.matches(ctx.resource())) {
                listed = true;
                break;
            }
        }
        return listed != s.notResource();
    }

    /** Every operator/key block must hold (AND). */
    private static boolean conditionsHold(Statement s, RequestContext ctx) {
        for (Condition c : s.conditions()) {
            if (!ConditionEvaluator.holds(c, ctx)) {
                return false;
            }
        }
        return true;
    }
}

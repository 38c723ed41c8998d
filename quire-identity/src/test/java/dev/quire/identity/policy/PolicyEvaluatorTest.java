package dev.quire.identity.policy;

import static dev.quire.identity.policy.PolicyTestSupport.keys;
import static dev.quire.identity.policy.PolicyTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {
    private static final String APP = "arn:aws:qbusiness:us-east-1:123456789012:application/app1";

    private static final PolicyDocument ALLOW_ALL_QBUSINESS = PolicyDocument.parse("""
            {"Version": "2012-10-17", "Statement": {"Sid": "AllowQ", "Effect": "Allow", "Action": "qbusiness:*", "Resource": "*"}}""");
    private static final PolicyDocument DENY_CREATE = PolicyDocument.parse("""
            {"Version": "2012-10-17", "Id": "deny-create", "Statement": [
              {"Sid": "Other", "Effect": "Deny", "Action": "iam:*", "Resource": "*"},
              {"Effect": "Deny", "Action": "qbusiness:Create*", "Resource": "*"}]}""");

    private static Decision decide(List<PolicyDocument> policies, String action, String resource, String keySpec) {
        return PolicyEvaluator.evaluate(policies, request(action, resource, keys(keySpec)));
    }

    @Test
    void noPoliciesMeansImplicitDeny() {
        Decision d = decide(List.of(), "qbusiness:ChatSync", APP, "");
        assertThat(d).isEqualTo(new Decision(Decision.Effect.IMPLICIT_DENY, null, null));
        assertThat(d.isAllowed()).isFalse();
    }

    @Test
    void allowNamesThePolicyAndStatement() {
        Decision d = decide(List.of(ALLOW_ALL_QBUSINESS.named("arn:aws:iam::123456789012:policy/q")), "qbusiness:ChatSync", APP, "");
        assertThat(d).isEqualTo(new Decision(Decision.Effect.ALLOW, "arn:aws:iam::123456789012:policy/q", "AllowQ"));
        assertThat(d.isAllowed()).isTrue();
    }

    @Test
    void explicitDenyBeatsAllowWhateverTheOrder() {
        Decision denyFirst = decide(List.of(DENY_CREATE, ALLOW_ALL_QBUSINESS), "qbusiness:CreateApplication", APP, "");
        Decision denyLast = decide(List.of(ALLOW_ALL_QBUSINESS, DENY_CREATE), "qbusiness:CreateApplication", APP, "");
        assertThat(denyFirst).isEqualTo(new Decision(Decision.Effect.EXPLICIT_DENY, "deny-create", "#2"));
        assertThat(denyLast).isEqualTo(new Decision(Decision.Effect.EXPLICIT_DENY, "deny-create", "#2"));
        assertThat(decide(List.of(ALLOW_ALL_QBUSINESS, DENY_CREATE), "qbusiness:ChatSync", APP, "").effect())
                .isEqualTo(Decision.Effect.ALLOW);
    }

    @Test
    void denyWithinTheSamePolicyBeatsAnEarlierAllow() {
        PolicyDocument p = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "*", "Resource": "*"},
                  {"Effect": "Deny", "Action": "qbusiness:DeleteApplication", "Resource": "*"}]}""");
        assertThat(decide(List.of(p), "qbusiness:DeleteApplication", APP, ""))
                .isEqualTo(new Decision(Decision.Effect.EXPLICIT_DENY, "#1", "#2"));
    }

    @Test
    void aDenyWhoseConditionFailsDoesNotDeny() {
        PolicyDocument p = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "qbusiness:*", "Resource": "*"},
                  {"Effect": "Deny", "Action": "qbusiness:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}""");
        assertThat(decide(List.of(p), "qbusiness:ChatSync", APP, "aws:SecureTransport=true").effect()).isEqualTo(Decision.Effect.ALLOW);
        assertThat(decide(List.of(p), "qbusiness:ChatSync", APP, "aws:SecureTransport=false").effect()).isEqualTo(Decision.Effect.EXPLICIT_DENY);
    }

    @Test
    void notActionCoversEverythingButTheListedActions() {
        PolicyDocument p = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": ["iam:*", "qbusiness:Delete*"], "Resource": "*"}}""");
        assertThat(decide(List.of(p), "qbusiness:ChatSync", APP, "").effect()).isEqualTo(Decision.Effect.ALLOW);
        assertThat(decide(List.of(p), "qbusiness:DeleteApplication", APP, "").effect()).isEqualTo(Decision.Effect.IMPLICIT_DENY);
        assertThat(decide(List.of(p), "IAM:CreateUser", APP, "").effect()).isEqualTo(Decision.Effect.IMPLICIT_DENY);
    }

    @Test
    void denyWithNotActionDeniesEverythingElse() {
        PolicyDocument p = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "*", "Resource": "*"},
                  {"Effect": "Deny", "NotAction": "qbusiness:Chat*", "Resource": "*"}]}""");
        assertThat(decide(List.of(p), "qbusiness:ChatSync", APP, "").effect()).isEqualTo(Decision.Effect.ALLOW);
        assertThat(decide(List.of(p), "qbusiness:ListApplications", APP, "").effect()).isEqualTo(Decision.Effect.EXPLICIT_DENY);
    }

    @Test
    void notResourceCoversEverythingButTheListedResources() {
        PolicyDocument p = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "qbusiness:ChatSync",
                 "NotResource": "arn:aws:qbusiness:*:*:application/secret-*"}}""");
        assertThat(decide(List.of(p), "qbusiness:ChatSync", APP, "").effect()).isEqualTo(Decision.Effect.ALLOW);
        assertThat(decide(List.of(p), "qbusiness:ChatSync", "arn:aws:qbusiness:us-east-1:123456789012:application/secret-1", "").effect())
                .isEqualTo(Decision.Effect.IMPLICIT_DENY);
    }

    @Test
    void multipleKeysAndMultipleOperatorsAreAnded() {
        PolicyDocument p = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*",
                 "Condition": {"StringEquals": {"aws:username": "bob", "aws:SourceAccount": "123456789012"},
                               "Bool": {"aws:SecureTransport": "true"}}}}""");
        assertThat(decide(List.of(p), "s:A", APP, "aws:username=bob;aws:SourceAccount=123456789012;aws:SecureTransport=true").effect())
                .isEqualTo(Decision.Effect.ALLOW);
        assertThat(decide(List.of(p), "s:A", APP, "aws:username=bob;aws:SourceAccount=123456789012").effect())
                .isEqualTo(Decision.Effect.IMPLICIT_DENY);
        assertThat(decide(List.of(p), "s:A", APP, "aws:username=bob;aws:SecureTransport=true").effect())
                .isEqualTo(Decision.Effect.IMPLICIT_DENY);
        assertThat(decide(List.of(p), "s:A", APP, "aws:username=eve;aws:SourceAccount=123456789012;aws:SecureTransport=true").effect())
                .isEqualTo(Decision.Effect.IMPLICIT_DENY);
    }

    @Test
    void firstMatchingAllowIsReportedAndUnnamedPoliciesGetTheirPosition() {
        PolicyDocument other = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "iam:*", "Resource": "*"}}""");
        PolicyDocument second = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                  {"Sid": "Chat", "Effect": "Allow", "Action": "qbusiness:Chat*", "Resource": "*"}]}""");
        assertThat(decide(List.of(other, second, ALLOW_ALL_QBUSINESS), "qbusiness:ChatSync", APP, ""))
                .isEqualTo(new Decision(Decision.Effect.ALLOW, "#2", "Chat"));
    }

    @Test
    void trustPolicyCannotBeEvaluatedAsAnIdentityPolicy() {
        PolicyDocument trust = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}}""");
        assertThatThrownBy(() -> decide(List.of(trust), "sts:AssumeRole", "*", ""))
                .isInstanceOf(MalformedPolicyException.class);
    }

    @Test
    void identityPolicyCannotBeEvaluatedAsATrustPolicy() {
        RequestContext ctx = RequestContext.builder().action("sts:AssumeRole").principal(PrincipalType.AWS, "arn:aws:iam::123456789012:user/bob").build();
        assertThatThrownBy(() -> PolicyEvaluator.evaluateTrust(ALLOW_ALL_QBUSINESS, ctx))
                .isInstanceOf(MalformedPolicyException.class);
    }

    @Test
    void requestContextKeysAreCaseInsensitiveAndCannotBeGivenTwice() {
        RequestContext ctx = RequestContext.builder().action("s:A").key("AWS:UserName", "bob").build();
        assertThat(ctx.values("aws:username")).containsExactly("bob");
        assertThat(ctx.hasKey("Aws:Username")).isTrue();
        assertThatThrownBy(() -> RequestContext.builder().action("s:A").key("aws:username", "a").key("AWS:USERNAME", "b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ctx.keys().put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
    }
}

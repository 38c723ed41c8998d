package dev.quire.identity.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrustPolicyTest {
    private static final String OIDC = "arn:aws:iam::123456789012:oidc-provider/127.0.0.1:18080/realms/acme";

    private static PolicyDocument trust(String principalJson) {
        return PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": %s, "Action": "sts:AssumeRole*"}}"""
                .formatted(principalJson), ParseOptions.trustPolicy());
    }

    private static Decision.Effect assume(PolicyDocument policy, PrincipalType type, String... ids) {
        RequestContext ctx = RequestContext.builder().action("sts:AssumeRole").principal(type, ids).build();
        return PolicyEvaluator.evaluateTrust(policy, ctx).effect();
    }

    @ParameterizedTest(name = "{0} vs {1} {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "*"                                                        | ANONYMOUS | -                                                 | true
            "*"                                                        | FEDERATED | arn:aws:iam::123456789012:oidc-provider/x        | true
            {"AWS": "*"}                                               | SERVICE   | application.qbusiness.amazonaws.com               | true
            {"AWS": "*"}                                               | ANONYMOUS | -                                                 | true
            {"AWS": "arn:aws:iam::123456789012:user/bob"}              | AWS       | arn:aws:iam::123456789012:user/bob                | true
            {"AWS": "arn:aws:iam::123456789012:user/bob"}              | AWS       | arn:aws:iam::123456789012:user/Bob                | false
            {"AWS": "arn:aws:iam::123456789012:user/bob"}              | AWS       | arn:aws:iam::123456789012:user/alice              | false
            {"AWS": "arn:aws:iam::123456789012:user/bob"}              | FEDERATED | arn:aws:iam::123456789012:user/bob                | false
            {"AWS": "arn:aws:iam::123456789012:user/bob"}              | ANONYMOUS | -                                                 | false
            {"AWS": "arn:aws:iam::123456789012:root"}                  | AWS       | arn:aws:iam::123456789012:user/bob                | true
            {"AWS": "arn:aws:iam::123456789012:root"}                  | AWS       | arn:aws:sts::123456789012:assumed-role/r/s        | true
            {"AWS": "arn:aws:iam::123456789012:root"}                  | AWS       | arn:aws:iam::999999999999:user/bob                | false
            {"AWS": "123456789012"}                                    | AWS       | arn:aws:iam::123456789012:user/bob                | true
            {"AWS": "123456789012"}                                    | AWS       | arn:aws:iam::123456789013:user/bob                | false
            {"AWS": "arn:aws:iam::123456789012:user/bob"}              | AWS       | arn:aws:iam::123456789012:root                    | false
            {"AWS": ["arn:aws:iam::1:user/x", "arn:aws:iam::123456789012:user/bob"]} | AWS | arn:aws:iam::123456789012:user/bob     | true
            {"Federated": "arn:aws:iam::123456789012:oidc-provider/127.0.0.1:18080/realms/acme"} | FEDERATED | arn:aws:iam::123456789012:oidc-provider/127.0.0.1:18080/realms/acme | true
            {"Federated": "arn:aws:iam::123456789012:oidc-provider/127.0.0.1:18080/realms/acme"} | FEDERATED | arn:aws:iam::123456789012:oidc-provider/127.0.0.1:18080/realms/evil | false
            {"Federated": "arn:aws:iam::123456789012:oidc-provider/127.0.0.1:18080/realms/acme"} | AWS       | arn:aws:iam::123456789012:oidc-provider/127.0.0.1:18080/realms/acme | false
            {"Federated": "arn:aws:iam::123456789012:oidc-provider/127.0.0.1:18080/realms/acme"} | SERVICE   | arn:aws:iam::123456789012:oidc-provider/127.0.0.1:18080/realms/acme | false
            {"Federated": "arn:aws:iam::123456789012:root"}            | FEDERATED | arn:aws:iam::123456789012:oidc-provider/x         | false
            {"Federated": "123456789012"}                              | FEDERATED | arn:aws:iam::123456789012:saml-provider/x         | false
            {"Service": "application.qbusiness.amazonaws.com"}         | SERVICE   | application.qbusiness.amazonaws.com               | true
            {"Service": "application.qbusiness.amazonaws.com"}         | SERVICE   | qbusiness.amazonaws.com                           | false
            {"Service": "application.qbusiness.amazonaws.com", "AWS": "123456789012"} | AWS | arn:aws:iam::123456789012:user/bob        | true
            """)
    void principalMustNameTheCaller(String principal, PrincipalType type, String id, boolean allowed) {
        PolicyDocument policy = trust(principal);
        Decision.Effect effect = id.equals("-") ? assume(policy, type) : assume(policy, type, id);
        assertThat(effect == Decision.Effect.ALLOW).isEqualTo(allowed);
    }

    @Test
    void anyOfTheCallersIdentifiersMayMatch() {
        PolicyDocument policy = trust("{\"AWS\": \"arn:aws:iam::123456789012:role/web\"}");
        assertThat(assume(policy, PrincipalType.AWS, "arn:aws:sts::123456789012:assumed-role/web/s1", "arn:aws:iam::123456789012:role/web"))
                .isEqualTo(Decision.Effect.ALLOW);
    }

    @Test
    void notPrincipalDenyDeniesEveryoneElse() {
        PolicyDocument policy = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "123456789012"}, "Action": "sts:AssumeRole"},
                  {"Sid": "OnlyAdmin", "Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:user/admin"}, "Action": "sts:AssumeRole"}]}""");
        assertThat(assume(policy, PrincipalType.AWS, "arn:aws:iam::123456789012:user/admin")).isEqualTo(Decision.Effect.ALLOW);
        RequestContext bob = RequestContext.builder().action("sts:AssumeRole").principal(PrincipalType.AWS, "arn:aws:iam::123456789012:user/bob").build();
        assertThat(PolicyEvaluator.evaluateTrust(policy, bob)).isEqualTo(new Decision(Decision.Effect.EXPLICIT_DENY, "trust policy", "OnlyAdmin"));
    }

    @Test
    void actionMustMatchToo() {
        PolicyDocument policy = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRoleWithSAML"}}""");
        RequestContext web = RequestContext.builder().action("sts:AssumeRoleWithWebIdentity").principal(PrincipalType.ANONYMOUS).build();
        assertThat(PolicyEvaluator.evaluateTrust(policy, web).effect()).isEqualTo(Decision.Effect.IMPLICIT_DENY);
    }

    @Test
    void trustEvaluationNeedsAPrincipalType() {
        PolicyDocument policy = trust("\"*\"");
        RequestContext nobody = RequestContext.builder().action("sts:AssumeRole").build();
        assertThatThrownBy(() -> PolicyEvaluator.evaluateTrust(policy, nobody)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestContext.builder().principal(PrincipalType.AWS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestContext.builder().principal(PrincipalType.ANONYMOUS, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.quire.identity.policy;

import static dev.quire.identity.policy.PolicyTestSupport.allowPolicy;
import static dev.quire.identity.policy.PolicyTestSupport.conditionPolicy;
import static dev.quire.identity.policy.PolicyTestSupport.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyVariablesTest {
    private static final String BUCKET = "arn:aws:s3:::home/";

    @ParameterizedTest(name = "{0} with [{2}] on {1} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            arn:aws:s3:::home/${aws:username}/*              | arn:aws:s3:::home/bob/f.txt    | aws:username=bob                 | true
            arn:aws:s3:::home/${aws:username}/*              | arn:aws:s3:::home/alice/f.txt  | aws:username=bob                 | false
            arn:aws:s3:::home/${aws:username}/*              | arn:aws:s3:::home/bob/f.txt    | AWS:USERNAME=bob                 | true
            arn:aws:s3:::home/${AWS:UserName}/*              | arn:aws:s3:::home/bob/f.txt    | aws:username=bob                 | true
            arn:aws:s3:::home/${aws:username}/*              | arn:aws:s3:::home//f.txt       | ``                               | false
            arn:aws:s3:::home/${aws:username}*               | arn:aws:s3:::home/x            | ``                               | false
            arn:aws:s3:::home/${aws:username}/*              | arn:aws:s3:::home/a/f.txt      | aws:username=a,b                 | false
            arn:aws:s3:::home/${aws:userid}/*                | arn:aws:s3:::home/AIDA1:s/x    | aws:userid=AIDA1:s               | true
            arn:aws:s3:::home/${aws:PrincipalTag/Email}/*    | arn:aws:s3:::home/bob@acme.com/x | aws:PrincipalTag/Email=bob@acme.com | true
            arn:aws:s3:::home/${aws:username, 'guest'}/*     | arn:aws:s3:::home/guest/x      | ``                               | true
            arn:aws:s3:::home/${aws:username,'guest'}/*      | arn:aws:s3:::home/bob/x        | aws:username=bob                 | true
            arn:aws:s3:::home/${aws:username, 'guest'}/*     | arn:aws:s3:::home/guest/x      | aws:username=bob                 | false
            arn:aws:s3:::home/${*}                           | arn:aws:s3:::home/*            | ``                               | true
            arn:aws:s3:::home/${*}                           | arn:aws:s3:::home/anything     | ``                               | false
            arn:aws:s3:::home/${?}                           | arn:aws:s3:::home/x            | ``                               | false
            arn:aws:s3:::home/${?}                           | arn:aws:s3:::home/?            | ``                               | true
            arn:aws:s3:::home/${$}{x}                        | arn:aws:s3:::home/${x}         | ``                               | true
            arn:aws:s3:::home/${my:custom-key}/*             | arn:aws:s3:::home/v/x          | my:custom-key=v                  | true
            """)
    void resourceVariables(String resource, String requested, String keys, boolean allowed) {
        PolicyDocument policy = allowPolicy("\"s3:GetObject\"", "\"" + resource + "\"");
        assertThat(evaluate(policy, "s3:GetObject", requested, keys) == Decision.Effect.ALLOW).isEqualTo(allowed);
    }

    @Test
    void wildcardInAVariableValueIsLiteralNotAWildcard() {
        PolicyDocument policy = allowPolicy("\"s3:GetObject\"", "\"" + BUCKET + "${aws:PrincipalTag/Team}/*\"");
        // A tag value of "*" must not open every home folder.
        assertThat(evaluate(policy, "s3:GetObject", BUCKET + "finance/x", "aws:PrincipalTag/Team=*")).isEqualTo(Decision.Effect.IMPLICIT_DENY);
        assertThat(evaluate(policy, "s3:GetObject", BUCKET + "*/x", "aws:PrincipalTag/Team=*")).isEqualTo(Decision.Effect.ALLOW);
        assertThat(evaluate(policy, "s3:GetObject", BUCKET + "fin/x", "aws:PrincipalTag/Team=fi?")).isEqualTo(Decision.Effect.IMPLICIT_DENY);
    }

    @Test
    void wildcardInATagValueIsLiteralInStringLike() {
        PolicyDocument policy = conditionPolicy("StringLike", "aws:RequestTag/Email", "\"${aws:PrincipalTag/Email}\"");
        assertThat(PolicyTestSupport.allowed(policy, "aws:PrincipalTag/Email=*;aws:RequestTag/Email=mallory@evil.com")).isFalse();
        assertThat(PolicyTestSupport.allowed(policy, "aws:PrincipalTag/Email=*;aws:RequestTag/Email=*")).isTrue();
        assertThat(PolicyTestSupport.allowed(policy, "aws:PrincipalTag/Email=bob@acme.com;aws:RequestTag/Email=bob@acme.com")).isTrue();
        // Wildcards written in the policy itself still work around the variable.
        PolicyDocument domain = conditionPolicy("StringLike", "aws:RequestTag/Email", "\"*@${aws:PrincipalTag/Domain}\"");
        assertThat(PolicyTestSupport.allowed(domain, "aws:PrincipalTag/Domain=acme.com;aws:RequestTag/Email=bob@acme.com")).isTrue();
        assertThat(PolicyTestSupport.allowed(domain, "aws:PrincipalTag/Domain=*;aws:RequestTag/Email=bob@acme.com")).isFalse();
    }

    @Test
    void wildcardInAVariableIsLiteralInArnLike() {
        PolicyDocument policy = conditionPolicy("ArnLike", "aws:SourceArn", "\"arn:aws:qbusiness:us-east-1:123456789012:application/${aws:PrincipalTag/App}\"");
        String arn = "arn:aws:qbusiness:us-east-1:123456789012:application/app1";
        assertThat(PolicyTestSupport.allowed(policy, "aws:PrincipalTag/App=*;aws:SourceArn=" + arn)).isFalse();
        assertThat(PolicyTestSupport.allowed(policy, "aws:PrincipalTag/App=app1;aws:SourceArn=" + arn)).isTrue();
    }

    @Test
    void unresolvableVariableNeverMatchesEvenForNegatedOperators() {
        PolicyDocument equals = conditionPolicy("StringEquals", "aws:RequestTag/Email", "\"${aws:PrincipalTag/Email}\"");
        PolicyDocument notEquals = conditionPolicy("StringNotEquals", "aws:RequestTag/Email", "\"${aws:PrincipalTag/Email}\"");
        PolicyDocument notLike = conditionPolicy("StringNotLike", "aws:RequestTag/Email", "\"${aws:PrincipalTag/Email}\"");
        String noTag = "aws:RequestTag/Email=bob@acme.com";
        assertThat(PolicyTestSupport.allowed(equals, noTag)).isFalse();
        assertThat(PolicyTestSupport.allowed(notEquals, noTag)).isFalse();
        assertThat(PolicyTestSupport.allowed(notLike, noTag)).isFalse();
        assertThat(PolicyTestSupport.allowed(notEquals, noTag + ";aws:PrincipalTag/Email=alice@acme.com")).isTrue();
        // Even an IfExists operator on a missing key does not hold when its value cannot be resolved.
        PolicyDocument ifExists = conditionPolicy("StringEqualsIfExists", "aws:RequestTag/Email", "\"${aws:PrincipalTag/Email}\"");
        assertThat(PolicyTestSupport.allowed(ifExists, "")).isFalse();
    }

    @Test
    void unresolvableNotResourceMakesTheStatementNotApply() {
        PolicyDocument policy = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
                 "NotResource": "arn:aws:s3:::home/${aws:username}/private/*"}}""");
        assertThat(evaluate(policy, "s3:GetObject", "arn:aws:s3:::home/bob/private/x", "")).isEqualTo(Decision.Effect.IMPLICIT_DENY);
        assertThat(evaluate(policy, "s3:GetObject", "arn:aws:s3:::home/bob/private/x", "aws:username=bob")).isEqualTo(Decision.Effect.IMPLICIT_DENY);
        assertThat(evaluate(policy, "s3:GetObject", "arn:aws:s3:::home/bob/public/x", "aws:username=bob")).isEqualTo(Decision.Effect.ALLOW);
    }

    @Test
    void version2008TreatsVariablesAsText() {
        PolicyDocument policy = PolicyDocument.parse("""
                {"Version": "2008-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::home/${aws:username}/*"}}""");
        assertThat(evaluate(policy, "s3:GetObject", "arn:aws:s3:::home/bob/x", "aws:username=bob")).isEqualTo(Decision.Effect.IMPLICIT_DENY);
        assertThat(evaluate(policy, "s3:GetObject", "arn:aws:s3:::home/${aws:username}/x", "aws:username=bob")).isEqualTo(Decision.Effect.ALLOW);
    }

    @Test
    void variablesInConditionValuesAreResolvedFromAnyContextKey() {
        PolicyDocument policy = conditionPolicy("StringEquals", "aws:RequestTag/Email", "\"${aws:PrincipalTag/Email}\"");
        assertThat(PolicyTestSupport.allowed(policy, "aws:PrincipalTag/Email=bob@acme.com;aws:RequestTag/Email=bob@acme.com")).isTrue();
        assertThat(PolicyTestSupport.allowed(policy, "aws:PrincipalTag/Email=bob@acme.com;aws:RequestTag/Email=alice@acme.com")).isFalse();
        PolicyDocument withDefault = conditionPolicy("StringEquals", "aws:RequestTag/Team", "\"${aws:PrincipalTag/Team, 'none'}\"");
        assertThat(PolicyTestSupport.allowed(withDefault, "aws:RequestTag/Team=none")).isTrue();
    }
}

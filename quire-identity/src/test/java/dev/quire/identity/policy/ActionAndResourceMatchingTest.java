package dev.quire.identity.policy;

import static dev.quire.identity.policy.PolicyTestSupport.allowPolicy;
import static dev.quire.identity.policy.PolicyTestSupport.evaluate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionAndResourceMatchingTest {
    private static final String APP = "arn:aws:qbusiness:us-east-1:123456789012:application/app1";

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            qbusiness:ChatSync   | qbusiness:ChatSync    | true
            qbusiness:ChatSync   | QBUSINESS:chatsync    | true
            QBusiness:CHATSYNC   | qbusiness:ChatSync    | true
            qbusiness:ChatSync   | qbusiness:Chat        | false
            qbusiness:Chat       | qbusiness:ChatSync    | false
            qbusiness:*          | qbusiness:ChatSync    | true
            qbusiness:*          | qbusinessX:ChatSync   | false
            qbusiness:Chat*      | qbusiness:Chat        | true
            qbusiness:Chat*      | qbusiness:ChatSync    | true
            qbusiness:Chat*      | qbusinessX:Chat       | false
            qbusiness:Chat*      | xqbusiness:Chat       | false
            qbusiness:Chat*      | qbusiness:ListChats   | false
            qbusiness:Chat?ync   | qbusiness:ChatSync    | true
            qbusiness:Chat?ync   | qbusiness:Chatync     | false
            qbusiness:Chat?      | qbusiness:ChatSync    | false
            qbusiness:*Sync      | qbusiness:ChatSync    | true
            *                    | iam:CreateUser        | true
            *:*                  | iam:CreateUser        | true
            q*:Chat              | qbusiness:Chat        | true
            """)
    void actionMatchingIsCaseInsensitiveWithWildcards(String policyAction, String requested, boolean allowed) {
        PolicyDocument policy = allowPolicy("\"" + policyAction + "\"", "\"*\"");
        assertThat(evaluate(policy, requested, APP, "") == Decision.Effect.ALLOW).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            *                                                            | arn:aws:qbusiness:us-east-1:123456789012:application/app1 | true
            arn:aws:qbusiness:us-east-1:123456789012:application/app1    | arn:aws:qbusiness:us-east-1:123456789012:application/app1 | true
            arn:aws:qbusiness:us-east-1:123456789012:application/app1    | arn:aws:qbusiness:us-east-1:123456789012:application/APP1 | false
            arn:aws:qbusiness:us-east-1:123456789012:application/app1    | arn:aws:qbusiness:us-east-1:123456789012:application/app10 | false
            arn:aws:qbusiness:us-east-1:123456789012:application/app1    | arn:aws:qbusiness:us-east-1:123456789012:application/app1/index/i1 | false
            arn:aws:qbusiness:us-east-1:123456789012:application/app1/*  | arn:aws:qbusiness:us-east-1:123456789012:application/app1/index/i1 | true
            arn:aws:qbusiness:us-east-1:123456789012:application/app1/*  | arn:aws:qbusiness:us-east-1:123456789012:application/app1 | false
            arn:aws:qbusiness:*                                          | arn:aws:qbusiness:us-east-1:123456789012:application/app1 | true
            arn:aws:qbusiness:*:123456789012:application/*               | arn:aws:qbusiness:eu-west-1:123456789012:application/x    | true
            arn:aws:qbusiness:*:123456789012:application/*               | arn:aws:qbusiness:eu-west-1:999999999999:application/x    | false
            arn:aws:qbusiness:us-east-1:123456789012:application/app?    | arn:aws:qbusiness:us-east-1:123456789012:application/app2 | true
            arn:aws:qbusiness:us-east-1:123456789012:application/app?    | arn:aws:qbusiness:us-east-1:123456789012:application/app  | false
            arn:aws:qbusiness:us-east-1:123456789012:application/app?    | arn:aws:qbusiness:us-east-1:123456789012:application/app12 | false
            """)
    void resourceMatchingIsCaseSensitiveAndStarCrossesColonsAndSlashes(String policyResource, String requested, boolean allowed) {
        PolicyDocument policy = allowPolicy("\"qbusiness:ChatSync\"", "\"" + policyResource + "\"");
        assertThat(evaluate(policy, "qbusiness:ChatSync", requested, "") == Decision.Effect.ALLOW).isEqualTo(allowed);
    }

    @Test
    void anyListedResourceMatches() {
        PolicyDocument policy = allowPolicy("\"qbusiness:GetRetriever\"", "[\"" + APP + "\", \"" + APP + "/retriever/*\"]");
        assertThat(evaluate(policy, "qbusiness:GetRetriever", APP + "/retriever/r1", "")).isEqualTo(Decision.Effect.ALLOW);
        assertThat(evaluate(policy, "qbusiness:GetRetriever", APP, "")).isEqualTo(Decision.Effect.ALLOW);
        assertThat(evaluate(policy, "qbusiness:GetRetriever", APP + "/index/i1", "")).isEqualTo(Decision.Effect.IMPLICIT_DENY);
    }

    @Test
    void requestWithoutResourceMatchesOnlyStar() {
        PolicyDocument star = allowPolicy("\"user-subscriptions:CreateClaim\"", "\"*\"");
        PolicyDocument arn = allowPolicy("\"user-subscriptions:CreateClaim\"", "\"arn:aws:*\"");
        RequestContext ctx = RequestContext.builder().action("user-subscriptions:CreateClaim").build();
        assertThat(ctx.resource()).isEqualTo("*");
        assertThat(PolicyEvaluator.evaluate(List.of(star), ctx).effect()).isEqualTo(Decision.Effect.ALLOW);
        assertThat(PolicyEvaluator.evaluate(List.of(arn), ctx).effect()).isEqualTo(Decision.Effect.IMPLICIT_DENY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"qbusiness:*", "qbusiness:Chat?", "*", "qbusiness", "qbusiness:", ":Chat", "qbusiness:Chat Sync"})
    void requestActionMustBeConcrete(String action) {
        assertThatThrownBy(() -> RequestContext.builder().action(action))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathologicalWildcardPatternsFinishQuickly() {
        String pattern = "arn:" + "*a".repeat(40) + "*b";
        PolicyDocument policy = allowPolicy("\"s:A\"", "\"" + pattern + "\"");
        String resource = "arn:" + "a".repeat(5000);
        assertThat(evaluate(policy, "s:A", resource, "")).isEqualTo(Decision.Effect.IMPLICIT_DENY);
        assertThat(evaluate(policy, "s:A", resource + "b", "")).isEqualTo(Decision.Effect.ALLOW);
    }

    @Test
    void globMatcherEdgeCases() {
        assertThat(GlobPattern.wildcards("").matches("")).isTrue();
        assertThat(GlobPattern.wildcards("").matches("a")).isFalse();
        assertThat(GlobPattern.wildcards("*").matches("")).isTrue();
        assertThat(GlobPattern.wildcards("?").matches("")).isFalse();
        assertThat(GlobPattern.wildcards("a**b").matches("ab")).isTrue();
        assertThat(GlobPattern.wildcards("*b*").matches("aXbY")).isTrue();
        assertThat(GlobPattern.literal("a*").matches("abc")).isFalse();
        assertThat(GlobPattern.literal("a*").matches("a*")).isTrue();
        assertThat(GlobPattern.wildcards("ABC").matches("abc", true)).isTrue();
        assertThat(GlobPattern.wildcards("ABC").matches("abc", false)).isFalse();
    }
}

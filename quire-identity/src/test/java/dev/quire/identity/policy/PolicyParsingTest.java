package dev.quire.identity.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyParsingTest {

    private static final String OK_STATEMENT = "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}";

    /** Each row: a broken document (single quotes stand for double quotes) and a fragment of the reason. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not json at all                                                                                 | Syntax errors in policy
            {'Version': '2012-10-17', 'Statement': [ }                                                       | Syntax errors in policy
            ['Version']                                                                                     | must be a JSON object
            'just a string'                                                                                 | must be a JSON object
            42                                                                                              | must be a JSON object
            {'Version': '2012-10-17', 'Statement': STMT} trailing                                           | Syntax errors in policy
            {'Version': '2012-10-17', 'Version': '2012-10-17', 'Statement': STMT}                           | Duplicate field Version
            {'Version': '2012-10-17', 'Statement': STMT, 'Extra': 1}                                        | unknown top-level field Extra
            {'version': '2012-10-17', 'Statement': STMT}                                                    | unknown top-level field version
            {'Version': '2013-01-01', 'Statement': STMT}                                                    | Version must be 2012-10-17 or 2008-10-17
            {'Version': 2012, 'Statement': STMT}                                                            | Version must be
            {'Version': '2012-10-17', 'Id': 5, 'Statement': STMT}                                           | Id must be a string
            {'Version': '2012-10-17'}                                                                       | Policy needs a Statement
            {'Version': '2012-10-17', 'Statement': []}                                                      | Statement must not be empty
            {'Version': '2012-10-17', 'Statement': 'Allow'}                                                 | Statement must be an object or an array
            {'Version': '2012-10-17', 'Statement': [STMT, 'x']}                                             | Statement 2: a statement must be a JSON object
            {'Statement': [STMT, {'Effect': 'allow', 'Action': 's3:*', 'Resource': '*'}]}                   | Statement 2: Effect must be Allow or Deny
            {'Statement': {'Action': 's3:*', 'Resource': '*'}}                                              | Statement 1: Effect must be Allow or Deny
            {'Statement': {'Effect': 'Allow', 'Resource': '*'}}                                             | Statement needs Action or NotAction
            {'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'NotAction': 's3:Get*', 'Resource': '*'}}   | Action or NotAction, not both
            {'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'Resource': '*', 'NotResource': '*'}}       | Resource or NotResource, not both
            {'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'Resource': '*', 'Effects': 'x'}}           | Statement 1: unknown field Effects
            {'Statement': {'Effect': 'Allow', 'Action': 'getobject', 'Resource': '*'}}                      | must be "*" or service:Action
            {'Statement': {'Effect': 'Allow', 'Action': 's3:${aws:username}', 'Resource': '*'}}             | must be "*" or service:Action
            {'Statement': {'Effect': 'Allow', 'Action': [], 'Resource': '*'}}                               | non-empty array
            {'Statement': {'Effect': 'Allow', 'Action': [1], 'Resource': '*'}}                              | values must be strings
            {'Statement': {'Effect': 'Allow', 'Action': '', 'Resource': '*'}}                               | must not be empty
            {'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'Resource': 'bucket/key'}}                  | must be in ARN format or "*"
            {'Statement': [{'Sid': 'A', 'Effect': 'Allow', 'Action': 's3:*', 'Resource': '*'}, {'Sid': 'A', 'Effect': 'Deny', 'Action': 's3:*', 'Resource': '*'}]} | duplicate Sid A
            {'Statement': {'Sid': 'has space', 'Effect': 'Allow', 'Action': 's3:*', 'Resource': '*'}}       | must be alpha-numeric
            {'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'Resource': '*', 'Condition': {'StringEqualz': {'aws:username': 'a'}}}}      | Unknown condition operator StringEqualz
            {'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'Resource': '*', 'Condition': {'stringequals': {'aws:username': 'a'}}}}      | Unknown condition operator stringequals
            {'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'Resource': '*', 'Condition': {'ForSomeValues:StringEquals': {'aws:username': 'a'}}}} | Unknown condition operator
            {'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'Resource': '*', 'Condition': {'NullIfExists': {'aws:username': 'true'}}}}  | Unknown condition operator NullIfExists
            {'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'Resource': '*', 'Condition': {'StringEquals': {}}}}                         | needs a non-empty
            {'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'Resource': '*', 'Condition': {'StringEquals': {'username': 'a'}}}}          | must be prefixed by a vendor
            {'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'Resource': '*', 'Condition': {'StringEquals': {'aws:username': []}}}}       | must not be an empty array
            {'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'Resource': '*', 'Condition': {'StringEquals': {'aws:username': null}}}}     | strings, numbers or booleans
            {'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'Resource': '*', 'Condition': {'StringEquals': {'aws:username': {'a': 1}}}}} | strings, numbers or booleans
            {'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'Resource': '*', 'Condition': 'x'}}                                          | Condition must be an object
            {'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'Resource': '*', 'Condition': {'Bool': {'aws:SecureTransport': 'yes'}}}}     | is not a valid bool value
            {'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'Resource': '*', 'Condition': {'NumericLessThan': {'s3:max-keys': 'ten'}}}}  | is not a valid numeric value
            {'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'Resource': '*', 'Condition': {'DateLessThan': {'aws:CurrentTime': 'soon'}}}} | is not a valid date value
            {'Version': '2012-10-17', 'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'Resource': '*', 'Condition': {'NumericEquals': {'s3:max-keys': '${aws:username}'}}}} | only allowed in string and ARN conditions
            {'Version': '2012-10-17', 'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'Resource': 'arn:aws:s3:::b/${aws:username'}}      | unterminated policy variable
            {'Version': '2012-10-17', 'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'Resource': 'arn:aws:s3:::b/${}'}}                 | invalid policy variable
            {'Version': '2012-10-17', 'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'Resource': 'arn:aws:s3:::b/${aws:username, guest}'}} | single-quoted
            {'Statement': {'Effect': 'Allow', 'Principal': 'everyone', 'Action': 'sts:AssumeRole'}}          | Principal must be "*" or an object
            {'Statement': {'Effect': 'Allow', 'Principal': {}, 'Action': 'sts:AssumeRole'}}                  | Principal must be "*" or an object
            {'Statement': {'Effect': 'Allow', 'Principal': {'CanonicalUser': 'abc'}, 'Action': 'sts:AssumeRole'}} | unsupported principal type CanonicalUser
            {'Statement': {'Effect': 'Allow', 'Principal': {'AWS': 'arn:aws:iam::*:root'}, 'Action': 'sts:AssumeRole'}} | wildcards are not allowed in principals
            {'Statement': {'Effect': 'Allow', 'Principal': {'Federated': '*'}, 'Action': 'sts:AssumeRole'}}  | Invalid principal in policy
            {'Statement': {'Effect': 'Allow', 'Principal': {'AWS': 'alice'}, 'Action': 'sts:AssumeRole'}}    | an account id or an ARN
            {'Statement': {'Effect': 'Allow', 'Principal': '*', 'NotPrincipal': '*', 'Action': 'sts:AssumeRole'}} | Principal or NotPrincipal, not both
            {'Statement': {'Effect': 'Allow', 'NotPrincipal': {'AWS': '123456789012'}, 'Action': 'sts:AssumeRole'}} | NotPrincipal may only be used with Effect Deny
            """)
    void refusesMalformedDocumentsWithAReason(String document, String reason) {
        String json = document.replace("STMT", OK_STATEMENT).replace('\'', '"');
        assertThatThrownBy(() -> PolicyDocument.parse(json))
                .isInstanceOf(MalformedPolicyException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void nullAndEmptyDocumentsAreRefused() {
        assertThatThrownBy(() -> PolicyDocument.parse(null)).isInstanceOf(MalformedPolicyException.class);
        assertThatThrownBy(() -> PolicyDocument.parse("   ")).isInstanceOf(MalformedPolicyException.class)
                .hasMessageContaining("Syntax errors in policy");
    }

    @Test
    void statementMayBeAnObjectOrAnArray() {
        PolicyDocument single = PolicyDocument.parse("{\"Version\": \"2012-10-17\", \"Statement\": " + OK_STATEMENT + "}");
        PolicyDocument array = PolicyDocument.parse("{\"Version\": \"2012-10-17\", \"Id\": \"p1\", \"Statement\": [" + OK_STATEMENT + "]}");
        assertThat(single.statements()).hasSize(1);
        assertThat(array.statements()).hasSize(1);
        assertThat(array.id()).isEqualTo("p1");
        assertThat(single.statements().get(0).actions()).containsExactly("s3:GetObject");
        assertThat(single.statements().get(0).effect()).isEqualTo(StatementEffect.ALLOW);
    }

    @Test
    void missingVersionMeans2008WhereVariablesAreText() {
        PolicyDocument doc = PolicyDocument.parse("{\"Statement\": " + OK_STATEMENT + "}");
        assertThat(doc.version()).isEqualTo(PolicyDocument.VERSION_2008);
        assertThat(doc.variablesEnabled()).isFalse();
    }

    @Test
    void conditionValuesAcceptStringsNumbersBooleansAndArrays() {
        PolicyDocument doc = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*",
                 "Condition": {"NumericLessThan": {"s3:max-keys": 10.5}, "Bool": {"aws:SecureTransport": true},
                               "StringEquals": {"aws:username": ["a", "b"]}}}}""");
        List<Condition> conditions = doc.statements().get(0).conditions();
        assertThat(conditions).extracting(c -> c.values().get(0).raw()).containsExactly("10.5", "true", "a");
        assertThat(conditions.get(2).values()).hasSize(2);
    }

    @Test
    void modelIsImmutable() {
        PolicyDocument doc = PolicyDocument.parse("{\"Statement\": " + OK_STATEMENT + "}");
        assertThatThrownBy(() -> doc.statements().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> doc.statements().get(0).actions().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void sizeQuotaCountsCharactersWithoutWhitespaceAndIsOptional() {
        String padding = "a".repeat(6144);
        String big = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Sid\": \"" + padding
                + "\", \"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}}";
        assertThat(PolicyDocument.parse(big).statements()).hasSize(1);
        assertThatThrownBy(() -> PolicyDocument.parse(big, ParseOptions.identityPolicy()))
                .isInstanceOf(MalformedPolicyException.class)
                .hasMessageContaining("Cannot exceed quota for PolicySize: 6144");

        String spacious = "{\"Statement\": " + OK_STATEMENT + "}" + " \n\t".repeat(3000);
        assertThat(PolicyDocument.parse(spacious, ParseOptions.lenient().withMaxChars(100)).statements()).hasSize(1);
        assertThatThrownBy(() -> PolicyDocument.parse(spacious, ParseOptions.lenient().withMaxChars(50)))
                .hasMessageContaining("Cannot exceed quota for PolicySize: 50");
    }

    @Test
    void hugeInputIsRefusedBeforeParsing() {
        String huge = "{\"Statement\": " + OK_STATEMENT + ", \"Id\": \"" + "x".repeat(ParseOptions.HARD_MAX_RAW_CHARS) + "\"}";
        assertThatThrownBy(() -> PolicyDocument.parse(huge)).hasMessageContaining("too large");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": \"*\"}}",
        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\"}}"
    })
    void identityPolicyKindRequiresResourceAndNoPrincipal(String json) {
        assertThat(PolicyDocument.parse(json).statements()).hasSize(1);
        assertThatThrownBy(() -> PolicyDocument.parse(json, ParseOptions.identityPolicy()))
                .isInstanceOf(MalformedPolicyException.class)
                .hasMessageStartingWith("Statement 1:");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\"}}",
        "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"sts:AssumeRole\", \"Resource\": \"*\"}}"
    })
    void trustPolicyKindRequiresPrincipalAndNoResource(String json) {
        assertThat(PolicyDocument.parse(json).statements()).hasSize(1);
        assertThatThrownBy(() -> PolicyDocument.parse(json, ParseOptions.trustPolicy()))
                .isInstanceOf(MalformedPolicyException.class)
                .hasMessageStartingWith("Statement 1:");
    }

    @Test
    void trustPolicyQuotaIs2048() {
        String json = "{\"Statement\": {\"Sid\": \"" + "a".repeat(2048)
                + "\", \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"sts:AssumeRole\"}}";
        assertThat(PolicyDocument.parse(json, ParseOptions.trustPolicy().withMaxChars(0)).statements()).hasSize(1);
        assertThatThrownBy(() -> PolicyDocument.parse(json, ParseOptions.trustPolicy()))
                .hasMessageContaining("PolicySize: 2048");
    }

    @Test
    void emptySidIsTreatedAsAbsentAndNotADuplicate() {
        PolicyDocument doc = PolicyDocument.parse("""
                {"Statement": [{"Sid": "", "Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                               {"Sid": "", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}""");
        assertThat(doc.statements()).extracting(Statement::label).containsExactly("#1", "#2");
    }
}

package dev.quire.identity.policy;

import static dev.quire.identity.policy.PolicyTestSupport.allowed;
import static dev.quire.identity.policy.PolicyTestSupport.conditionPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every condition operator through the whole pipeline (parse, then evaluate one Allow statement
 * guarded by the condition). Request keys are written "key=v1,v2"; an empty cell means no keys.
 */
class ConditionOperatorsTest {

    @ParameterizedTest(name = "[{index}] {0} {1} {2} with [{3}] -> {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "-", textBlock = """
            # operator                    | key   | policy values           | request keys             | holds
            StringEquals                  | k:k   | "a"                     | k:k=a                    | true
            StringEquals                  | k:k   | "a"                     | k:k=A                    | false
            StringEquals                  | k:k   | "a"                     | ``                       | false
            StringEquals                  | k:k   | ["a", "b"]              | k:k=b                    | true
            StringEquals                  | k:k   | "a*"                    | k:k=abc                  | false
            StringEquals                  | k:k   | "a*"                    | k:k=a*                   | true
            StringEquals                  | k:k   | "a"                     | k:k=x,a                  | true
            StringEquals                  | k:k   | "a"                     | k:other=a                | false
            StringEqualsIfExists          | k:k   | "a"                     | ``                       | true
            StringEqualsIfExists          | k:k   | "a"                     | k:k=b                    | false
            StringNotEquals               | k:k   | "a"                     | k:k=b                    | true
            StringNotEquals               | k:k   | "a"                     | k:k=a                    | false
            StringNotEquals               | k:k   | "a"                     | ``                       | true
            StringNotEquals               | k:k   | ["a", "b"]              | k:k=b                    | false
            StringNotEquals               | k:k   | "a"                     | k:k=b,a                  | false
            StringNotEquals               | k:k   | "a"                     | k:k=A                    | true
            StringNotEqualsIfExists       | k:k   | "a"                     | ``                       | true
            StringNotEqualsIfExists       | k:k   | "a"                     | k:k=a                    | false
            StringEqualsIgnoreCase        | k:k   | "Alice"                 | k:k=aLICE                | true
            StringEqualsIgnoreCase        | k:k   | "Alice"                 | k:k=Bob                  | false
            StringEqualsIgnoreCase        | k:k   | "Alice"                 | ``                       | false
            StringEqualsIgnoreCase        | k:k   | "A*"                    | k:k=abc                  | false
            StringEqualsIgnoreCaseIfExists | k:k  | "Alice"                 | ``                       | true
            StringNotEqualsIgnoreCase     | k:k   | "Alice"                 | k:k=ALICE                | false
            StringNotEqualsIgnoreCase     | k:k   | "Alice"                 | k:k=bob                  | true
            StringNotEqualsIgnoreCase     | k:k   | "Alice"                 | ``                       | true
            StringLike                    | k:k   | "a*c"                   | k:k=abbc                 | true
            StringLike                    | k:k   | "a*c"                   | k:k=ac                   | true
            StringLike                    | k:k   | "a?c"                   | k:k=abc                  | true
            StringLike                    | k:k   | "a?c"                   | k:k=ac                   | false
            StringLike                    | k:k   | "a?c"                   | k:k=abbc                 | false
            StringLike                    | k:k   | "a*c"                   | k:k=ABC                  | false
            StringLike                    | k:k   | "a*c"                   | k:k=abcd                 | false
            StringLike                    | k:k   | "*"                     | ``                       | false
            StringLike                    | k:k   | "*"                     | k:k=anything             | true
            StringLike                    | k:k   | ["x*", "*@acme.com"]    | k:k=bob@acme.com         | true
            StringLikeIfExists            | k:k   | "a*"                    | ``                       | true
            StringLikeIfExists            | k:k   | "a*"                    | k:k=b                    | false
            StringNotLike                 | k:k   | "a*"                    | k:k=bcd                  | true
            StringNotLike                 | k:k   | "a*"                    | k:k=abc                  | false
            StringNotLike                 | k:k   | "a*"                    | ``                       | true
            StringNotLikeIfExists         | k:k   | "a*"                    | k:k=abc                  | false
            ArnLike                       | k:arn | "arn:aws:qbusiness:us-east-1:123456789012:application/*"     | k:arn=arn:aws:qbusiness:us-east-1:123456789012:application/app1 | true
            ArnLike                       | k:arn | "arn:aws:qbusiness:*:123456789012:application/app1"          | k:arn=arn:aws:qbusiness:eu-west-1:123456789012:application/app1 | true
            ArnLike                       | k:arn | "arn:aws:qbusiness:us-east-1:123456789012:application/app?"  | k:arn=arn:aws:qbusiness:us-east-1:123456789012:application/app1 | true
            ArnLike                       | k:arn | "arn:aws:qbusiness:us-east-1:123456789012:application/app1"  | k:arn=arn:aws:qbusiness:us-east-1:123456789012:application/APP1 | false
            ArnLike                       | k:arn | "arn:aws:qbusiness:*"                                        | k:arn=arn:aws:qbusiness:us-east-1:123456789012:application/app1 | false
            ArnLike                       | k:arn | "arn:aws:qbusiness:us-east-1:*:application/app1"             | k:arn=arn:aws:qbusiness:us-east-1:123:456:application/app1     | false
            ArnLike                       | k:arn | "arn:aws:qbusiness:us-east-1:*:*"                            | k:arn=notanarn           | false
            ArnLike                       | k:arn | "arn:aws:qbusiness:us-east-1:*:*"                            | ``                       | false
            ArnLikeIfExists               | k:arn | "arn:aws:qbusiness:us-east-1:*:*"                            | ``                       | true
            ArnEquals                     | k:arn | "arn:aws:qbusiness:us-east-1:123456789012:application/*"     | k:arn=arn:aws:qbusiness:us-east-1:123456789012:application/app1 | true
            ArnEquals                     | k:arn | "arn:aws:qbusiness:us-east-1:123456789012:application/app1"  | k:arn=arn:aws:qbusiness:us-east-1:123456789012:application/app2 | false
            ArnNotEquals                  | k:arn | "arn:aws:qbusiness:us-east-1:123456789012:application/app1"  | k:arn=arn:aws:qbusiness:us-east-1:123456789012:application/app2 | true
            ArnNotEquals                  | k:arn | "arn:aws:qbusiness:us-east-1:123456789012:application/app1"  | k:arn=arn:aws:qbusiness:us-east-1:123456789012:application/app1 | false
            ArnNotEquals                  | k:arn | "arn:aws:qbusiness:us-east-1:123456789012:application/app1"  | ``                       | true
            ArnNotLike                    | k:arn | "arn:aws:qbusiness:*:*:application/*"                        | k:arn=arn:aws:kms:us-east-1:123456789012:key/k1                 | true
            ArnNotLike                    | k:arn | "arn:aws:qbusiness:*:*:application/*"                        | k:arn=arn:aws:qbusiness:us-east-1:123456789012:application/a    | false
            ArnNotLikeIfExists            | k:arn | "arn:aws:qbusiness:*:*:application/*"                        | ``                       | true
            Bool                          | k:k   | "true"                  | k:k=true                 | true
            Bool                          | k:k   | true                    | k:k=TRUE                 | true
            Bool                          | k:k   | "true"                  | k:k=false                | false
            Bool                          | k:k   | "false"                 | k:k=false                | true
            Bool                          | k:k   | "true"                  | k:k=yes                  | false
            Bool                          | k:k   | "true"                  | ``                       | false
            BoolIfExists                  | k:k   | "true"                  | ``                       | true
            BoolIfExists                  | k:k   | "true"                  | k:k=false                | false
            Null                          | k:k   | "true"                  | ``                       | true
            Null                          | k:k   | "true"                  | k:k=x                    | false
            Null                          | k:k   | "false"                 | ``                       | false
            Null                          | k:k   | "false"                 | k:k=x                    | true
            Null                          | k:k   | true                    | k:k=                     | true
            NumericEquals                 | k:k   | 10                      | k:k=10                   | true
            NumericEquals                 | k:k   | "10"                    | k:k=10.0                 | true
            NumericEquals                 | k:k   | 10                      | k:k=11                   | false
            NumericEquals                 | k:k   | 10                      | k:k=ten                  | false
            NumericEquals                 | k:k   | 10                      | ``                       | false
            NumericEquals                 | k:k   | [1, 2, 3]               | k:k=2                    | true
            NumericEqualsIfExists         | k:k   | 10                      | ``                       | true
            NumericNotEquals              | k:k   | 10                      | k:k=11                   | true
            NumericNotEquals              | k:k   | 10                      | k:k=10                   | false
            NumericNotEquals              | k:k   | 10                      | ``                       | true
            NumericNotEquals              | k:k   | 10                      | k:k=ten                  | false
            NumericLessThan               | k:k   | 10                      | k:k=9                    | true
            NumericLessThan               | k:k   | 10                      | k:k=10                   | false
            NumericLessThan               | k:k   | 10                      | k:k=-20.5                | true
            NumericLessThan               | k:k   | 10                      | ``                       | false
            NumericLessThanIfExists       | k:k   | 10                      | ``                       | true
            NumericLessThanEquals         | k:k   | 10                      | k:k=10                   | true
            NumericLessThanEquals         | k:k   | 10                      | k:k=11                   | false
            NumericGreaterThan            | k:k   | 10                      | k:k=11                   | true
            NumericGreaterThan            | k:k   | 10                      | k:k=10                   | false
            NumericGreaterThanEquals      | k:k   | 10                      | k:k=10                   | true
            NumericGreaterThanEquals      | k:k   | 10                      | k:k=9                    | false
            DateEquals                    | k:t   | "2024-01-01T00:00:00Z"  | k:t=1704067200           | true
            DateEquals                    | k:t   | "2024-01-01T00:00:00Z"  | k:t=2024-01-01T01:00:00+01:00 | true
            DateEquals                    | k:t   | "2024-01-01T00:00:00Z"  | k:t=2024-01-01T00:00:01Z | false
            DateEquals                    | k:t   | "2024-01-01T00:00:00Z"  | k:t=yesterday            | false
            DateEquals                    | k:t   | "2024-01-01T00:00:00Z"  | ``                       | false
            DateEqualsIfExists            | k:t   | "2024-01-01T00:00:00Z"  | ``                       | true
            DateNotEquals                 | k:t   | "2024-01-01T00:00:00Z"  | k:t=2024-01-02T00:00:00Z | true
            DateNotEquals                 | k:t   | "2024-01-01T00:00:00Z"  | k:t=1704067200           | false
            DateNotEquals                 | k:t   | "2024-01-01T00:00:00Z"  | ``                       | true
            DateLessThan                  | k:t   | "2024-01-01T00:00:00Z"  | k:t=2023-12-31T23:59:59Z | true
            DateLessThan                  | k:t   | "2024-01-01T00:00:00Z"  | k:t=2024-01-01T00:00:00Z | false
            DateLessThan                  | k:t   | "2024-01-01"            | k:t=2023-12-31T12:00:00Z | true
            DateLessThan                  | k:t   | 1704067200              | k:t=2023-12-31T12:00:00Z | true
            DateLessThanEquals            | k:t   | "2024-01-01T00:00:00Z"  | k:t=2024-01-01T00:00:00Z | true
            DateLessThanEquals            | k:t   | "2024-01-01T00:00:00Z"  | k:t=2024-01-01T00:00:01Z | false
            DateGreaterThan               | k:t   | "1704067200"            | k:t=2024-01-01T00:00:01Z | true
            DateGreaterThan               | k:t   | "1704067200"            | k:t=2024-01-01T00:00:00Z | false
            DateGreaterThanEquals         | k:t   | "2024-01-01T00:00:00Z"  | k:t=2024-01-01T00:00:00Z | true
            DateGreaterThanEquals         | k:t   | "2024-01-01T00:00:00Z"  | k:t=2023-01-01T00:00:00Z | false
            DateGreaterThanIfExists       | k:t   | "2024-01-01T00:00:00Z"  | ``                       | true
            ForAllValues:StringEquals     | k:tags | ["a", "b"]             | k:tags=a,b               | true
            ForAllValues:StringEquals     | k:tags | ["a", "b"]             | k:tags=a,c               | false
            ForAllValues:StringEquals     | k:tags | ["a", "b"]             | ``                       | true
            ForAllValues:StringEquals     | k:tags | ["a", "b"]             | k:tags=                  | true
            ForAnyValue:StringEquals      | k:tags | ["a", "b"]             | k:tags=c,b               | true
            ForAnyValue:StringEquals      | k:tags | ["a", "b"]             | k:tags=c,d               | false
            ForAnyValue:StringEquals      | k:tags | ["a", "b"]             | ``                       | false
            ForAnyValue:StringEqualsIfExists | k:tags | ["a", "b"]          | ``                       | true
            ForAllValues:StringNotEquals  | k:tags | "a"                    | k:tags=b,c               | true
            ForAllValues:StringNotEquals  | k:tags | "a"                    | k:tags=b,a               | false
            ForAllValues:StringNotEquals  | k:tags | "a"                    | ``                       | true
            ForAnyValue:StringNotEquals   | k:tags | "a"                    | k:tags=a,b               | true
            ForAnyValue:StringNotEquals   | k:tags | "a"                    | k:tags=a                 | false
            ForAnyValue:StringNotEquals   | k:tags | "a"                    | ``                       | false
            ForAllValues:StringLike       | k:tags | "a*"                   | k:tags=ab,ac             | true
            ForAllValues:StringLike       | k:tags | "a*"                   | k:tags=ab,b              | false
            ForAnyValue:StringLike        | k:tags | "a*"                   | k:tags=b,ab              | true
            ForAnyValue:NumericLessThan   | k:n    | 5                      | k:n=9,3                  | true
            ForAllValues:NumericLessThan  | k:n    | 5                      | k:n=9,3                  | false
            ForAllValues:NumericLessThan  | k:n    | 5                      | k:n=1,3                  | true
            ForAllValues:NumericLessThan  | k:n    | 5                      | k:n=1,x                  | false
            ForAnyValue:ArnLike           | k:arns | "arn:aws:s3:::b/*"     | k:arns=arn:aws:s3:::c/1,arn:aws:s3:::b/1 | true
            StringEquals                  | aws:PrincipalTag/Email | "bob@acme.com" | AWS:principaltag/EMAIL=bob@acme.com | true
            StringEquals                  | AWS:PRINCIPALTAG/email | "bob@acme.com" | aws:PrincipalTag/Email=bob@acme.com | true
            StringEquals                  | aws:PrincipalTag/Email | "bob@acme.com" | aws:PrincipalTag/Email=BOB@acme.com | false
            """)
    void operatorHoldsExactlyWhenIamSaysItDoes(String operator, String key, String values, String request, boolean holds) {
        PolicyDocument policy = conditionPolicy(operator, key, values);
        assertThat(allowed(policy, request)).isEqualTo(holds);
    }
}

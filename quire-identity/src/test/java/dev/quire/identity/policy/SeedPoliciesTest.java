package dev.quire.identity.policy;

import static dev.quire.identity.policy.PolicyTestSupport.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The policies of the seed's sample scripts (aws-samples/amazon-q-business-samples,
 * iam-federation-samples/create-iam-{oidc,saml}-qbiz-app.py), placeholders filled; see seed/README.md.
 */
class SeedPoliciesTest {
    private static final String ACCOUNT = "123456789012";
    private static final String APP_ID = "6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String APP = "arn:aws:qbusiness:us-east-1:" + ACCOUNT + ":application/" + APP_ID;
    private static final String OTHER_APP = "arn:aws:qbusiness:us-east-1:" + ACCOUNT + ":application/0a0a0a0a-0000-4000-8000-000000000000";
    private static final String KMS_KEY = "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:qbiz-oidc-client-secret-AbCdEf";
    private static final String OIDC_PROVIDER = "arn:aws:iam::" + ACCOUNT + ":oidc-provider/127.0.0.1:18080/realms/acme";
    private static final String SAML_PROVIDER = "arn:aws:iam::" + ACCOUNT + ":saml-provider/qbiz-saml-1234-id-provider";

    private static final PolicyDocument WEB = load("web-experience-policy", ParseOptions.identityPolicy());
    private static final PolicyDocument SECRETS = load("secrets-manager-policy", ParseOptions.identityPolicy());
    private static final PolicyDocument OIDC_TRUST = load("oidc-web-experience-trust-policy", ParseOptions.trustPolicy());
    private static final PolicyDocument SAML_TRUST = load("saml-web-experience-trust-policy", ParseOptions.trustPolicy());
    private static final PolicyDocument SECRETS_TRUST = load("secrets-manager-trust-policy", ParseOptions.trustPolicy());

    static String read(String name) {
        try (InputStream in = SeedPoliciesTest.class.getResourceAsStream("seed/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PolicyDocument load(String name, ParseOptions options) {
        return PolicyDocument.parse(read(name), options).named(name);
    }

    private static Decision identity(PolicyDocument policy, String action, String resource, String keySpec) {
        return PolicyEvaluator.evaluate(List.of(policy), PolicyTestSupport.request(action, resource, keys(keySpec)));
    }

    private static Decision trust(PolicyDocument policy, String action, PrincipalType type, String principal, Map<String, List<String>> keys) {
        RequestContext ctx = RequestContext.builder().action(action).principal(type, principal).keys(keys).build();
        return PolicyEvaluator.evaluateTrust(policy, ctx);
    }

    @Test
    void webExperiencePolicyFitsTheManagedQuotaBecauseWhitespaceIsNotCounted() {
        assertThat(read("web-experience-policy").length()).isGreaterThan(ParseOptions.MANAGED_POLICY_MAX_CHARS);
        assertThat(WEB.statements()).hasSize(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"qbusiness:Chat", "qbusiness:ChatSync", "qbusiness:ListMessages", "qbusiness:ListConversations",
        "qbusiness:PutFeedback", "qbusiness:DeleteConversation", "qbusiness:GetWebExperience", "qbusiness:GetApplication",
        "qbusiness:ListPlugins", "qbusiness:GetChatControlsConfiguration", "qbusiness:ListRetrievers"})
    void webExperienceRoleMayChatOnItsApplication(String action) {
        assertThat(identity(WEB, action, APP, ""))
                .isEqualTo(new Decision(Decision.Effect.ALLOW, "web-experience-policy", "QBusinessConversationPermissions"));
        assertThat(identity(WEB, action, OTHER_APP, "").effect()).isEqualTo(Decision.Effect.IMPLICIT_DENY);
        assertThat(identity(WEB, action, APP + "/index/i1", "").effect()).isEqualTo(Decision.Effect.IMPLICIT_DENY);
    }

    @ParameterizedTest(name = "{0} on {1} with [{2}] -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            qbusiness:CreateApplication       | APP                                   | ``  | IMPLICIT_DENY
            qbusiness:DeleteApplication       | APP                                   | ``  | IMPLICIT_DENY
            qbusiness:UpdateApplication       | APP                                   | ``  | IMPLICIT_DENY
            qbusiness:ListApplications        | *                                     | ``  | IMPLICIT_DENY
            qbusiness:CreateIndex             | APP                                   | ``  | IMPLICIT_DENY
            qbusiness:BatchPutDocument        | APP/index/i1                          | ``  | IMPLICIT_DENY
            qbusiness:CreateWebExperience     | APP                                   | ``  | IMPLICIT_DENY
            qbusiness:ChatSync                | OTHER_APP                             | ``  | IMPLICIT_DENY
            qbusiness:ChatSync                | *                                     | ``  | IMPLICIT_DENY
            iam:CreateUser                    | *                                     | ``  | IMPLICIT_DENY
            iam:PassRole                      | arn:aws:iam::123456789012:role/admin  | ``  | IMPLICIT_DENY
            sts:AssumeRole                    | *                                     | ``  | IMPLICIT_DENY
            secretsmanager:GetSecretValue     | SECRET                                | ``  | IMPLICIT_DENY
            QBUSINESS:chatsync                | APP                                   | ``  | ALLOW
            qbusiness:GetRetriever            | APP/retriever/r1                      | ``  | ALLOW
            qbusiness:GetRetriever            | APP                                   | ``  | ALLOW
            qbusiness:GetRetriever            | OTHER_APP/retriever/r1                | ``  | IMPLICIT_DENY
            user-subscriptions:CreateClaim    | *                                     | user-subscriptions:CreateForSelf=true;aws:CalledViaLast=qbusiness.amazonaws.com | ALLOW
            user-subscriptions:CreateClaim    | *                                     | user-subscriptions:CreateForSelf=true | IMPLICIT_DENY
            user-subscriptions:CreateClaim    | *                                     | user-subscriptions:CreateForSelf=false;aws:CalledViaLast=qbusiness.amazonaws.com | IMPLICIT_DENY
            kms:Decrypt                       | KMS_KEY                               | kms:ViaService=qbusiness.us-east-1.amazonaws.com | ALLOW
            kms:Decrypt                       | KMS_KEY                               | kms:ViaService=qapps.us-east-1.amazonaws.com     | ALLOW
            kms:Decrypt                       | KMS_KEY                               | kms:ViaService=s3.us-east-1.amazonaws.com        | IMPLICIT_DENY
            kms:Decrypt                       | KMS_KEY                               | ``  | IMPLICIT_DENY
            qapps:CreateQApp                  | APP                                   | ``  | ALLOW
            qapps:GetQApp                     | QAPPS/qapp/q1                         | qapps:UserIsAppOwner=TRUE | ALLOW
            qapps:GetQApp                     | QAPPS/qapp/q1                         | qapps:AppIsPublished=true | ALLOW
            qapps:GetQApp                     | QAPPS/qapp/q1                         | qapps:UserIsAppOwner=false | IMPLICIT_DENY
            qapps:DeleteQApp                  | QAPPS/qapp/q1                         | qapps:AppIsPublished=true | IMPLICIT_DENY
            qapps:StopQAppSession             | QAPPS/qapp/q1/session/s1              | qapps:UserIsSessionModerator=true | ALLOW
            qapps:StopQAppSession             | QAPPS/qapp/q1/session/s1              | qapps:SessionIsShared=true | IMPLICIT_DENY
            qapps:DisassociateQAppFromUser    | QAPPS/qapp/q1                         | ``  | ALLOW
            """)
    void webExperiencePolicyGrantsNothingElse(String action, String resource, String keySpec, Decision.Effect expected) {
        String arn = resource.replace("QAPPS", "arn:aws:qapps:us-east-1:" + ACCOUNT + ":application/" + APP_ID)
                .replace("OTHER_APP", OTHER_APP).replace("KMS_KEY", KMS_KEY).replace("SECRET", SECRET);
        arn = arn.startsWith("APP") ? APP + arn.substring(3) : arn;
        assertThat(identity(WEB, action, arn, keySpec).effect()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on {1} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            secretsmanager:GetSecretValue   | SECRET                                                                   | ``  | ALLOW
            secretsmanager:getsecretvalue   | SECRET                                                                   | ``  | ALLOW
            secretsmanager:GetSecretValue   | arn:aws:secretsmanager:us-east-1:123456789012:secret:other-XyZ123        | ``  | IMPLICIT_DENY
            secretsmanager:GetSecretValue   | SECRET-2                                                                 | ``  | IMPLICIT_DENY
            secretsmanager:GetSecretValue   | arn:aws:secretsmanager:us-west-2:123456789012:secret:qbiz-oidc-client-secret-AbCdEf | ``  | IMPLICIT_DENY
            secretsmanager:PutSecretValue   | SECRET                                                                   | ``  | IMPLICIT_DENY
            secretsmanager:DeleteSecret     | SECRET                                                                   | ``  | IMPLICIT_DENY
            secretsmanager:ListSecrets      | *                                                                        | ``  | IMPLICIT_DENY
            kms:Decrypt                     | KMS_KEY                                                                  | kms:ViaService=secretsmanager.us-east-1.amazonaws.com | ALLOW
            kms:Decrypt                     | KMS_KEY                                                                  | kms:ViaService=qbusiness.us-east-1.amazonaws.com      | IMPLICIT_DENY
            kms:Encrypt                     | KMS_KEY                                                                  | kms:ViaService=secretsmanager.us-east-1.amazonaws.com | IMPLICIT_DENY
            qbusiness:ChatSync              | APP                                                                      | ``  | IMPLICIT_DENY
            """)
    void secretsManagerRoleReadsThatSecretOnly(String action, String resource, String keySpec, Decision.Effect expected) {
        String arn = resource.replace("SECRET", SECRET).replace("KMS_KEY", KMS_KEY).replace("APP", APP);
        assertThat(identity(SECRETS, action, arn, keySpec).effect()).isEqualTo(expected);
    }

    /** What STS puts in the context for an OIDC caller of AssumeRoleWithWebIdentity with an Email session tag. */
    private static Map<String, List<String>> oidcKeys(String aud, String email) {
        return email == null
                ? Map.of("127.0.0.1:18080/realms/acme:aud", List.of(aud), "127.0.0.1:18080/realms/acme:sub", List.of("u-1"))
                : Map.of("127.0.0.1:18080/realms/acme:aud", List.of(aud), "aws:RequestTag/Email", List.of(email),
                        "aws:TagKeys", List.of("Email"));
    }

    @Test
    void federatedOidcUserWithEmailTagMayAssumeTheWebExperienceRole() {
        Map<String, List<String>> keys = oidcKeys("quire-web", "bob@acme.com");
        assertThat(trust(OIDC_TRUST, "sts:AssumeRoleWithWebIdentity", PrincipalType.FEDERATED, OIDC_PROVIDER, keys))
                .isEqualTo(new Decision(Decision.Effect.ALLOW, "oidc-web-experience-trust-policy", "#1"));
        assertThat(trust(OIDC_TRUST, "sts:TagSession", PrincipalType.FEDERATED, OIDC_PROVIDER, keys))
                .isEqualTo(new Decision(Decision.Effect.ALLOW, "oidc-web-experience-trust-policy", "#2"));
    }

    @Test
    void oidcTrustRefusesWrongAudienceProviderTagOrAction() {
        Decision.Effect deny = Decision.Effect.IMPLICIT_DENY;
        assertThat(trust(OIDC_TRUST, "sts:AssumeRoleWithWebIdentity", PrincipalType.FEDERATED, OIDC_PROVIDER,
                oidcKeys("other-client", "bob@acme.com")).effect()).isEqualTo(deny);
        assertThat(trust(OIDC_TRUST, "sts:AssumeRoleWithWebIdentity", PrincipalType.FEDERATED, OIDC_PROVIDER,
                Map.of()).effect()).isEqualTo(deny);
        assertThat(trust(OIDC_TRUST, "sts:AssumeRoleWithWebIdentity", PrincipalType.FEDERATED,
                "arn:aws:iam::" + ACCOUNT + ":oidc-provider/127.0.0.1:18080/realms/evil",
                Map.of("127.0.0.1:18080/realms/evil:aud", List.of("quire-web"))).effect()).isEqualTo(deny);
        assertThat(trust(OIDC_TRUST, "sts:AssumeRoleWithWebIdentity", PrincipalType.AWS, OIDC_PROVIDER,
                oidcKeys("quire-web", "bob@acme.com")).effect()).isEqualTo(deny);
        assertThat(trust(OIDC_TRUST, "sts:TagSession", PrincipalType.FEDERATED, OIDC_PROVIDER,
                oidcKeys("quire-web", null)).effect()).isEqualTo(deny);
        assertThat(trust(OIDC_TRUST, "sts:AssumeRole", PrincipalType.FEDERATED, OIDC_PROVIDER,
                oidcKeys("quire-web", "bob@acme.com")).effect()).isEqualTo(deny);
        assertThat(trust(OIDC_TRUST, "sts:AssumeRoleWithSAML", PrincipalType.FEDERATED, OIDC_PROVIDER,
                oidcKeys("quire-web", "bob@acme.com")).effect()).isEqualTo(deny);
    }

    @ParameterizedTest(name = "SAML:aud {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://us-east-1.signin.aws.amazon.com/saml   | ALLOW
            http://localhost:8000/saml                     | ALLOW
            https://signin.aws.amazon.com/saml             | IMPLICIT_DENY
            http://localhost:8000/SAML                     | IMPLICIT_DENY
            https://evil.example/saml                      | IMPLICIT_DENY
            """)
    void samlTrustChecksTheAudience(String aud, Decision.Effect expected) {
        Map<String, List<String>> keys = Map.of("SAML:aud", List.of(aud), "SAML:sub", List.of("bob"),
                "SAML:iss", List.of("http://127.0.0.1:18080/realms/acme"));
        assertThat(trust(SAML_TRUST, "sts:AssumeRoleWithSAML", PrincipalType.FEDERATED, SAML_PROVIDER, keys).effect()).isEqualTo(expected);
    }

    @Test
    void samlUserWithEmailTagMayTagTheSessionOnlyFromTheRightProvider() {
        Map<String, List<String>> keys = Map.of("SAML:aud", List.of("http://localhost:8000/saml"), "aws:RequestTag/Email", List.of("bob@acme.com"));
        assertThat(trust(SAML_TRUST, "sts:TagSession", PrincipalType.FEDERATED, SAML_PROVIDER, keys).effect()).isEqualTo(Decision.Effect.ALLOW);
        assertThat(trust(SAML_TRUST, "sts:TagSession", PrincipalType.FEDERATED, SAML_PROVIDER, Map.of("SAML:aud", List.of("http://localhost:8000/saml"))).effect())
                .isEqualTo(Decision.Effect.IMPLICIT_DENY);
        assertThat(trust(SAML_TRUST, "sts:AssumeRoleWithSAML", PrincipalType.FEDERATED, OIDC_PROVIDER, keys).effect())
                .isEqualTo(Decision.Effect.IMPLICIT_DENY);
    }

    @Test
    void secretsManagerRoleIsAssumableOnlyByQBusinessForThisApplication() {
        Map<String, List<String>> ok = Map.of("aws:SourceAccount", List.of(ACCOUNT), "aws:SourceArn", List.of(APP));
        assertThat(trust(SECRETS_TRUST, "sts:AssumeRole", PrincipalType.SERVICE, "application.qbusiness.amazonaws.com", ok))
                .isEqualTo(new Decision(Decision.Effect.ALLOW, "secrets-manager-trust-policy", "AllowsAmazonQToAssumeRoleForServicePrincipal"));
        Decision.Effect deny = Decision.Effect.IMPLICIT_DENY;
        assertThat(trust(SECRETS_TRUST, "sts:AssumeRole", PrincipalType.SERVICE, "application.qbusiness.amazonaws.com",
                Map.of("aws:SourceAccount", List.of(ACCOUNT), "aws:SourceArn", List.of(OTHER_APP))).effect()).isEqualTo(deny);
        assertThat(trust(SECRETS_TRUST, "sts:AssumeRole", PrincipalType.SERVICE, "application.qbusiness.amazonaws.com",
                Map.of("aws:SourceArn", List.of(APP))).effect()).isEqualTo(deny);
        assertThat(trust(SECRETS_TRUST, "sts:AssumeRole", PrincipalType.SERVICE, "application.qbusiness.amazonaws.com",
                Map.of("aws:SourceAccount", List.of("999999999999"), "aws:SourceArn", List.of(APP))).effect()).isEqualTo(deny);
        assertThat(trust(SECRETS_TRUST, "sts:AssumeRole", PrincipalType.SERVICE, "qbusiness.amazonaws.com", ok).effect()).isEqualTo(deny);
        assertThat(trust(SECRETS_TRUST, "sts:AssumeRole", PrincipalType.AWS, "arn:aws:iam::" + ACCOUNT + ":root", ok).effect()).isEqualTo(deny);
    }
}

package dev.quire.server.identity;

import dev.quire.server.support.RunningQuire;
import dev.quire.server.testkit.KeycloakTestServer;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Provisions what the seed's create-iam-*-qbiz-app scripts provision, against Keycloak: the OIDC
 * and SAML providers, a web-experience role trusted by both (with the seed's trust conditions)
 * and a permission policy — all through the AWS SDK as an administrator would.
 */
final class FederationFixture {
    static final String ROLE_NAME = "quire-web-experience-role";
    static final String ROLE_ARN = KeycloakTestServer.SAML_ROLE_ARN;
    static final String SAML_PROVIDER_NAME = "quire-keycloak";
    static final String SAML_ACS = "http://localhost:8000/saml";

    final KeycloakTestServer keycloak;
    final RunningQuire quire;
    final String oidcProviderArn;
    final String samlProviderArn;

    FederationFixture(RunningQuire quire, KeycloakTestServer keycloak, String permissionPolicy) {
        this.quire = quire;
        this.keycloak = keycloak;
        try (IamClient iam = quire.iam(quire.rootCredentials())) {
            oidcProviderArn = iam.createOpenIDConnectProvider(r -> r.url(keycloak.issuerUrl())
                    .clientIDList(keycloak.oidcClientId())).openIDConnectProviderArn();
            samlProviderArn = iam.createSAMLProvider(r -> r.name(SAML_PROVIDER_NAME)
                    .samlMetadataDocument(keycloak.samlMetadataXml())).samlProviderArn();
            iam.createRole(r -> r.roleName(ROLE_NAME).assumeRolePolicyDocument(trustPolicy()));
            iam.putRolePolicy(r -> r.roleName(ROLE_NAME).policyName("web-experience").policyDocument(permissionPolicy));
        }
    }

    /** The seed's two trust policies in one: OIDC with the aud condition, SAML with SAML:aud, both may tag. */
    String trustPolicy() {
        String prefix = keycloak.issuerUrl().replaceFirst("^https?://", "");
        return """
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Principal":{"Federated":"%1$s"},"Action":"sts:AssumeRoleWithWebIdentity",
                  "Condition":{"StringEquals":{"%3$s:aud":"%4$s"}}},
                 {"Effect":"Allow","Principal":{"Federated":"%1$s"},"Action":"sts:TagSession",
                  "Condition":{"StringLike":{"aws:RequestTag/Email":"*"}}},
                 {"Effect":"Allow","Principal":{"Federated":"%2$s"},"Action":"sts:AssumeRoleWithSAML",
                  "Condition":{"StringEquals":{"SAML:aud":["https://us-east-1.signin.aws.amazon.com/saml","%5$s"]}}},
                 {"Effect":"Allow","Principal":{"Federated":"%2$s"},"Action":"sts:TagSession",
                  "Condition":{"StringLike":{"aws:RequestTag/Email":"*"}}}
                ]}""".formatted(oidcProviderArn, samlProviderArn, prefix, keycloak.oidcClientId(), SAML_ACS);
    }

    /** STS without any credentials: the federation calls are unsigned, as in the SDKs. */
    StsClient anonymousSts() {
        return StsClient.builder().endpointOverride(quire.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(RunningQuire.noRetries()).build();
    }

    static StaticCredentialsProvider session(Credentials c) {
        return StaticCredentialsProvider.create(
                AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    }
}

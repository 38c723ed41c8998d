package dev.quire.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quire.server.support.RunningQuire;
import dev.quire.server.testkit.KeycloakTestServer;
import dev.quire.server.testkit.Pkce;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;

/**
 * The identity plane end to end with real Keycloak: OIDC (password grant and authorization
 * code with PKCE) and SAML (SP-initiated) → STS through the AWS SDK for Java v2 → temporary
 * credentials that authenticate as the assumed role and are authorized by its policy alone.
 */
class KeycloakFederationTest {
    private static final String LIST_APPS_ONLY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"qbusiness:ListApplications","Resource":"*"}]}""";

    @TempDir
    static Path dataDir;
    static RunningQuire quire;
    static FederationFixture fx;

    @BeforeAll
    static void start() {
        quire = RunningQuire.h2(dataDir);
        fx = new FederationFixture(quire, KeycloakTestServer.shared(), LIST_APPS_ONLY);
    }

    @AfterAll
    static void stop() {
        quire.close();
    }

    private AssumeRoleWithWebIdentityResponse assumeWithIdToken(String idToken, String session) {
        try (StsClient sts = fx.anonymousSts()) {
            return sts.assumeRoleWithWebIdentity(r -> r.roleArn(FederationFixture.ROLE_ARN)
                    .roleSessionName(session).webIdentityToken(idToken));
        }
    }

    @Test
    void oidcPasswordGrantToSessionCredentialsToCallerIdentity() {
        String idToken = fx.keycloak.passwordGrant("mary", KeycloakTestServer.PASSWORD).idToken();
        AssumeRoleWithWebIdentityResponse r = assumeWithIdToken(idToken, "mary-session");
        assertThat(r.credentials().accessKeyId()).startsWith("ASIA");
        assertThat(r.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/" + FederationFixture.ROLE_NAME + "/mary-session");
        assertThat(r.audience()).isEqualTo(fx.keycloak.oidcClientId());
        assertThat(r.provider()).isEqualTo(fx.keycloak.issuerUrl());
        assertThat(r.subjectFromWebIdentityToken()).isNotBlank();
        try (StsClient sts = quire.sts(FederationFixture.session(r.credentials()))) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo(r.assumedRoleUser().arn());
        }
    }

    @Test
    void oidcAuthorizationCodeFlowWithPkce() {
        String verifier = Pkce.newVerifier();
        String nonce = UUID.randomUUID().toString();
        String redirect = "http://127.0.0.1/callback";
        String code = fx.keycloak.authorizationCodeLogin("mateo", KeycloakTestServer.PASSWORD, redirect,
                UUID.randomUUID().toString(), nonce, Pkce.s256Challenge(verifier));
        String idToken = fx.keycloak.exchangeCode(code, redirect, verifier).idToken();
        AssumeRoleWithWebIdentityResponse r = assumeWithIdToken(idToken, "mateo-session");
        try (StsClient sts = quire.sts(FederationFixture.session(r.credentials()))) {
            assertThat(sts.getCallerIdentity().arn()).endsWith(":assumed-role/" + FederationFixture.ROLE_NAME + "/mateo-session");
        }
    }

    @Test
    void samlSpInitiatedLoginToSessionCredentials() {
        String samlResponse = fx.keycloak.samlLogin("mary", KeycloakTestServer.PASSWORD, FederationFixture.SAML_ACS);
        AssumeRoleWithSamlResponse r;
        try (StsClient sts = fx.anonymousSts()) {
            r = sts.assumeRoleWithSAML(q -> q.roleArn(FederationFixture.ROLE_ARN).principalArn(fx.samlProviderArn)
                    .samlAssertion(samlResponse));
        }
        assertThat(r.audience()).isEqualTo(FederationFixture.SAML_ACS);
        assertThat(r.issuer()).isEqualTo(fx.keycloak.issuerUrl());
        assertThat(r.subject()).isEqualToIgnoringCase("mary.major@example.com");
        assertThat(r.nameQualifier()).isNotBlank();
        try (StsClient sts = quire.sts(FederationFixture.session(r.credentials()))) {
            assertThat(sts.getCallerIdentity().arn())
                    .isEqualTo("arn:aws:sts::123456789012:assumed-role/" + FederationFixture.ROLE_NAME + "/mary.major@example.com");
        }
        // The same assertion again is a replay.
        try (StsClient sts = fx.anonymousSts()) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class, () -> sts.assumeRoleWithSAML(q -> q
                    .roleArn(FederationFixture.ROLE_ARN).principalArn(fx.samlProviderArn).samlAssertion(samlResponse)));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidIdentityToken");
        }
    }

    @Test
    void sessionsAreAuthorizedByTheirRolePolicyAndNothingMore() {
        String idToken = fx.keycloak.passwordGrant("mary", KeycloakTestServer.PASSWORD).idToken();
        var creds = FederationFixture.session(assumeWithIdToken(idToken, "policy-check").credentials());
        try (QBusinessClient qb = quire.qbusiness(creds)) {
            assertThat(qb.listApplications(r -> { }).applications()).isEmpty();
        }
        try (IamClient iam = quire.iam(creds)) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class, () -> iam.listRoles());
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).contains("iam:ListRoles");
        }
    }

    @Test
    void aTokenForAnotherClientIsRefusedByTheTrustPolicyAudienceCheck() {
        // The provider lists only quire-oidc; a token minted for it but a role demanding another aud fails.
        try (IamClient iam = quire.iam(quire.rootCredentials())) {
            iam.createRole(r -> r.roleName("strict-aud-role").assumeRolePolicyDocument(fx.trustPolicy()
                    .replace("\"" + fx.keycloak.oidcClientId() + "\"", "\"some-other-client\"")));
        }
        String idToken = fx.keycloak.passwordGrant("mateo", KeycloakTestServer.PASSWORD).idToken();
        try (StsClient sts = fx.anonymousSts()) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class, () -> sts.assumeRoleWithWebIdentity(r -> r
                    .roleArn("arn:aws:iam::123456789012:role/strict-aud-role").roleSessionName("aud-check").webIdentityToken(idToken)));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        }
    }

    @Test
    void aDeletedRolesSessionsStopWorking() {
        try (IamClient iam = quire.iam(quire.rootCredentials())) {
            iam.createRole(r -> r.roleName("short-lived-role").assumeRolePolicyDocument(fx.trustPolicy()));
        }
        String idToken = fx.keycloak.passwordGrant("mary", KeycloakTestServer.PASSWORD).idToken();
        AssumeRoleWithWebIdentityResponse r;
        try (StsClient sts = fx.anonymousSts()) {
            r = sts.assumeRoleWithWebIdentity(q -> q.roleArn("arn:aws:iam::123456789012:role/short-lived-role")
                    .roleSessionName("doomed").webIdentityToken(idToken));
        }
        try (StsClient sts = quire.sts(FederationFixture.session(r.credentials()))) {
            assertThat(sts.getCallerIdentity().arn()).endsWith("/doomed");
        }
        try (IamClient iam = quire.iam(quire.rootCredentials())) {
            iam.deleteRole(q -> q.roleName("short-lived-role"));
        }
        try (StsClient sts = quire.sts(FederationFixture.session(r.credentials()))) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class, () -> sts.getCallerIdentity());
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
        }
    }
}

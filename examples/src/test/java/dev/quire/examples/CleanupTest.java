package dev.quire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.server.testkit.KeycloakTestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.qbusiness.model.SubscriptionPrincipal;
import software.amazon.awssdk.services.qbusiness.model.SubscriptionType;

class CleanupTest {
    @TempDir
    static Path dataDir;
    static QuireFixture quire;

    @BeforeAll
    static void start() {
        quire = new QuireFixture(dataDir);
    }

    @AfterAll
    static void stop() {
        quire.close();
    }

    @Test
    void removesEverythingBothCreateScriptsMadeAndToleratesASecondRun() {
        KeycloakTestServer keycloak = KeycloakTestServer.shared();
        QuireFixture.Output ignored = new QuireFixture.Output();
        String secretId = quire.createClientSecret("QBusiness-keycloak", KeycloakTestServer.OIDC_CLIENT_SECRET);
        CreatedApp oidc = CreateIamOidcQbizApp.run(ExampleSetup.oidcCreateConfig(keycloak, secretId), quire.iam,
                quire.qbusiness, ignored.stream);
        CreateIamSamlQbizApp.run(CreateIamSamlQbizApp.Config.fromEnv(new Env(Map.of(
                "SAML_METADATA_DOCUMENT", keycloak.samlMetadataXml(), "IDP_SSO_URL", keycloak.samlEndpoint(),
                "CUSTOM_ACS_URL", "http://localhost:8000/saml",
                "REGIONAL_SIGNIN_ENDPOINT_URL", "https://signin.aws.amazon.com/saml",
                "AWS_ACCOUNT_ID", QuireFixture.ACCOUNT_ID, "AWS_DEFAULT_REGION", QuireFixture.REGION,
                "AWS_SECRET_ENCRYPTION_KEY", ExampleSetup.SECRET_ENCRYPTION_KEY))), quire.iam, quire.qbusiness,
                ignored.stream);
        quire.qbusiness.createSubscription(r -> r.applicationId(oidc.applicationId())
                .principal(SubscriptionPrincipal.fromUser("mary.major@example.com")).type(SubscriptionType.Q_BUSINESS));
        Cleanup.Config config = Cleanup.Config.fromEnv(new Env(Map.of("AWS_DEFAULT_REGION", QuireFixture.REGION,
                "AWS_ACCOUNT_ID", QuireFixture.ACCOUNT_ID, "AWS_SECRET_ID", secretId)));
        QuireFixture.Output out = new QuireFixture.Output();

        Cleanup.run(config, quire.iam, quire.qbusiness, quire.secrets, out.stream);

        assertThat(out.text()).contains("Deleted subscription ", "Deleted web experience " + oidc.webExperienceId(),
                "Deleted application " + oidc.applicationId(), "Deleted provider " + oidc.providerArn(),
                "Deleted role " + oidc.prefix() + "-secrets-manager-role", "Deleted policy " + oidc.webExperiencePolicyArn(),
                "Deleted secret ", "Cleanup done.");
        assertThat(quire.qbusiness.listApplications(r -> { }).applications()).isEmpty();
        assertThat(quire.iam.listRoles().roles()).isEmpty();
        assertThat(quire.iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL)).policies()).isEmpty();
        assertThat(quire.iam.listOpenIDConnectProviders().openIDConnectProviderList()).isEmpty();
        assertThat(quire.iam.listSAMLProviders().samlProviderList()).isEmpty();
        assertThat(quire.secrets.listSecrets(r -> { }).secretList()).isEmpty();

        QuireFixture.Output again = new QuireFixture.Output();
        Cleanup.run(config, quire.iam, quire.qbusiness, quire.secrets, again.stream);
        assertThat(again.text()).contains("Already gone: secret ", "Cleanup done.").doesNotContain("Deleted");
    }
}

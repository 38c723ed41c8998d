package dev.quire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.server.testkit.KeycloakTestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.qbusiness.model.GetWebExperienceResponse;

class CreateIamSamlQbizAppTest {
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
    void createsTheApplicationFromKeycloaksMetadataPrintingTheSeedsLines() {
        KeycloakTestServer keycloak = KeycloakTestServer.shared();
        CreateIamSamlQbizApp.Config config = CreateIamSamlQbizApp.Config.fromEnv(new Env(Map.of(
                "SAML_METADATA_DOCUMENT", keycloak.samlMetadataXml(), "IDP_SSO_URL", keycloak.samlEndpoint(),
                "CUSTOM_ACS_URL", "http://localhost:8000/saml",
                "REGIONAL_SIGNIN_ENDPOINT_URL", "https://signin.aws.amazon.com/saml",
                "AWS_ACCOUNT_ID", QuireFixture.ACCOUNT_ID, "AWS_DEFAULT_REGION", QuireFixture.REGION,
                "AWS_SECRET_ENCRYPTION_KEY", ExampleSetup.SECRET_ENCRYPTION_KEY)));
        QuireFixture.Output out = new QuireFixture.Output();

        CreatedApp app = CreateIamSamlQbizApp.run(config, quire.iam, quire.qbusiness, out.stream);

        String p = app.prefix();
        assertThat(p).matches("qbiz-saml-\\d{1,5}");
        assertThat(out.text()).containsSubsequence(
                "SAML Provider ARN: arn:aws:iam::123456789012:saml-provider/" + p + "-id-provider",
                "QBusiness Application ID: " + app.applicationId(),
                "QBusiness Index ID: " + app.indexId(),
                "QBusiness Retriever ID: " + app.retrieverId(),
                "Web experience policy: arn:aws:iam::123456789012:policy/" + p + "-web-experience-policy",
                "Web experience role: arn:aws:iam::123456789012:role/" + p + "-web-experience-role",
                "Attached arn:aws:iam::123456789012:policy/" + p + "-web-experience-policy to role " + p + "-web-experience-role",
                "Created web experience: " + app.webExperienceArn(),
                "\"samlConfiguration\" : {",
                "\"authenticationUrl\" : \"" + keycloak.samlEndpoint() + "\"",
                "QBusiness auto subscription enabled for Q_BUSINESS");
        assertThat(out.text()).doesNotContain("Secrets manager");
        GetWebExperienceResponse experience = quire.qbusiness.getWebExperience(r -> r
                .applicationId(app.applicationId()).webExperienceId(app.webExperienceId()));
        assertThat(experience.statusAsString()).isEqualTo("ACTIVE");
        assertThat(experience.defaultEndpoint()).isNotBlank();
        assertThat(experience.identityProviderConfiguration().samlConfiguration().authenticationUrl())
                .isEqualTo(keycloak.samlEndpoint());
    }
}

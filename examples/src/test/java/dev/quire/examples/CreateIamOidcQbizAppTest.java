package dev.quire.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.qbusiness.model.AutoSubscriptionStatus;
import software.amazon.awssdk.services.qbusiness.model.GetWebExperienceResponse;

class CreateIamOidcQbizAppTest {
    static final String ISSUER = "https://dev-12345678.okta.com/oauth2/aus1quire";
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

    static CreateIamOidcQbizApp.Config config(String secretId) {
        return CreateIamOidcQbizApp.Config.fromEnv(new Env(Map.of("AWS_ACCOUNT_ID", QuireFixture.ACCOUNT_ID,
                "AWS_DEFAULT_REGION", QuireFixture.REGION, "AWS_SECRET_ID", secretId,
                "AWS_SECRET_ENCRYPTION_KEY", "key/00000000-0000-0000-0000-000000000000",
                "IDP_CLIENT_ID", "0oa1quireclient", "IDP_ISSUER_URL", ISSUER)));
    }

    @Test
    void createsTheApplicationPrintingTheSeedsLinesInOrder() throws Exception {
        String secretId = quire.createClientSecret("QBusiness-okta-client", "okta-client-secret");
        QuireFixture.Output out = new QuireFixture.Output();

        CreatedApp app = CreateIamOidcQbizApp.run(config(secretId), quire.iam, quire.qbusiness, out.stream);

        String text = out.text();
        String p = app.prefix();
        assertThat(p).matches("qbiz-dev-12345678-\\d{1,5}");
        assertThat(text).containsSubsequence(
                "OpenID Connect Provider ARN: arn:aws:iam::123456789012:oidc-provider/dev-12345678.okta.com/oauth2/aus1quire",
                "QBusiness Application ID: " + app.applicationId(),
                "QBusiness Index ID: " + app.indexId(),
                "QBusiness Retriever ID: " + app.retrieverId(),
                "Web experience policy: arn:aws:iam::123456789012:policy/" + p + "-web-experience-policy",
                "Web experience role: arn:aws:iam::123456789012:role/" + p + "-web-experience-role",
                "Attached arn:aws:iam::123456789012:policy/" + p + "-web-experience-policy to role " + p + "-web-experience-role",
                "Secrets manager policy: arn:aws:iam::123456789012:policy/" + p + "-secrets-manager-policy",
                "Secrets manager role: arn:aws:iam::123456789012:role/" + p + "-secrets-manager-role",
                "Attached arn:aws:iam::123456789012:policy/" + p + "-secrets-manager-policy to role " + p + "-secrets-manager-role",
                "Created web experience: " + app.webExperienceArn(),
                "\"webExperienceId\" : \"" + app.webExperienceId() + "\"",
                "QBusiness auto subscription enabled for Q_BUSINESS");

        JsonNode printed = new ObjectMapper().readTree(text.substring(text.indexOf('{'), text.lastIndexOf('}') + 1));
        assertThat(printed.at("/ResponseMetadata/HTTPStatusCode").asInt()).isEqualTo(200);
        assertThat(printed.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(printed.get("defaultEndpoint").asText()).startsWith("http");
        assertThat(printed.at("/identityProviderConfiguration/openIDConnectConfiguration/secretsRole").asText())
                .isEqualTo(app.secretsManagerRoleArn());

        GetWebExperienceResponse experience = quire.qbusiness.getWebExperience(r -> r
                .applicationId(app.applicationId()).webExperienceId(app.webExperienceId()));
        assertThat(experience.statusAsString()).isEqualTo("ACTIVE");
        assertThat(experience.defaultEndpoint()).isNotBlank();
        assertThat(experience.roleArn()).isEqualTo(app.webExperienceRoleArn());
        assertThat(experience.identityProviderConfiguration().openIDConnectConfiguration().secretsArn())
                .isEqualTo("arn:aws:secretsmanager:us-east-1:123456789012:secret:" + secretId);
        assertThat(quire.qbusiness.getApplication(r -> r.applicationId(app.applicationId()))
                .autoSubscriptionConfiguration().autoSubscribe()).isEqualTo(AutoSubscriptionStatus.ENABLED);
        assertThat(quire.iam.getRole(r -> r.roleName(p + "-web-experience-role")).role().assumeRolePolicyDocument())
                .contains("dev-12345678.okta.com%2Foauth2%2Faus1quire%3Aaud");
    }

    @Test
    void aMissingVariableIsNamedAsTheSeedNamesIt() {
        assertThatThrownBy(() -> CreateIamOidcQbizApp.Config.fromEnv(new Env(Map.of("AWS_ACCOUNT_ID", "1"))))
                .hasMessage("Environment variable AWS_DEFAULT_REGION is not set.");
    }

    @Test
    void prefixKeepsOktaOrgNamesAndMakesOtherIssuersNameSafe() {
        assertThat(CreateIamOidcQbizApp.prefix("https://dev-1.okta.com/oauth2/default", 7)).isEqualTo("qbiz-dev-1-7");
        assertThat(CreateIamOidcQbizApp.prefix("http://127.0.0.1:18080/realms/quire", 42))
                .isEqualTo("qbiz-127-0-0-1-18080-realms-quire-42");
    }
}

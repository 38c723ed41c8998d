package dev.quire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.server.testkit.KeycloakTestServer;
import dev.quire.server.testkit.LoginBrowser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SamlApp between the real Keycloak and Quire. Keycloak's SAML client sends a fixed Role attribute
 * (role quire-web-experience-role, provider quire-keycloak), so those two are created here with
 * the seed's SAML trust policy.
 */
class SamlAppTest {
    @TempDir
    static Path dataDir;
    static QuireFixture quire;
    static KeycloakTestServer keycloak;
    static SamlApp app;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        keycloak = KeycloakTestServer.shared();
        quire = new QuireFixture(dataDir);
        int port = ExampleSetup.freePort();
        base = "http://127.0.0.1:" + port;
        String providerArn = quire.iam.createSAMLProvider(r -> r.name("quire-keycloak")
                .samlMetadataDocument(keycloak.samlMetadataXml())).samlProviderArn();
        String roleArn = quire.iam.createRole(r -> r.roleName("quire-web-experience-role").assumeRolePolicyDocument(
                Policies.samlWebExperienceTrust(providerArn, "https://signin.aws.amazon.com/saml", base + "/saml")))
                .role().arn();
        assertThat(providerArn + "," + roleArn).isEqualTo(KeycloakTestServer.SAML_PROVIDER_ARN + ","
                + KeycloakTestServer.SAML_ROLE_ARN);
        app = SamlApp.start(SamlApp.Config.fromEnv(new Env(Map.of("IDP_SSO_URL", keycloak.samlEndpoint(),
                "IDP_ISSUER", KeycloakTestServer.SAML_ENTITY_ID, "CUSTOM_ACS_URL", base + "/saml",
                "WEB_EXPERIENCE_ROLE_ARN", roleArn, "IAM_IDENTITY_PROVIDER_ARN", providerArn))),
                quire.anonymousSts(), port);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        quire.close();
    }

    /** Logs in at Keycloak from SamlApp's link; returns the auto-submitted form's fields. */
    static Map<String, String> loginAs(Browser browser, String user) {
        HttpResponse<String> r = browser.follow(browser.get(base + "/login/saml"), keycloak.baseUrl());
        r = browser.follow(browser.http.submitLogin(r, user, KeycloakTestServer.PASSWORD), keycloak.baseUrl());
        assertThat(LoginBrowser.firstFormAction(r.body())).contains(base + "/saml");
        return Map.of("SAMLResponse", LoginBrowser.inputValue(r.body(), "SAMLResponse").orElseThrow(),
                "RelayState", LoginBrowser.inputValue(r.body(), "RelayState").orElseThrow());
    }

    @Test
    void mateoLogsInAndGetsCredentialsFromAssumeRoleWithSaml() {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.http.postForm(URI.create(base + "/saml"), loginAs(browser, "mateo"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Received SAML Assertion:", "mateo.jackson@example.com",
                "AWS AssumeRoleWithSAML Response:",
                "AssumedRoleUser: arn:aws:sts::123456789012:assumed-role/quire-web-experience-role/",
                "export AWS_ACCESS_KEY_ID=");
    }

    @Test
    void aResponseWithAnUnknownRelayStateIsRejected() {
        Browser browser = new Browser();
        Map<String, String> form = loginAs(browser, "mary");

        HttpResponse<String> forged = browser.http.postForm(URI.create(base + "/saml"),
                Map.of("SAMLResponse", form.get("SAMLResponse"), "RelayState", "made-up"));

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("Unknown RelayState").doesNotContain("AccessKeyId");
    }

    @Test
    void aResponseCannotBePostedTwice() {
        Browser browser = new Browser();
        Map<String, String> form = loginAs(browser, "mary");
        assertThat(browser.http.postForm(URI.create(base + "/saml"), form).body()).contains("AccessKeyId");

        HttpResponse<String> replay = browser.http.postForm(URI.create(base + "/saml"), form);

        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).doesNotContain("AccessKeyId");
    }

    @Test
    void aResponseToAnotherRequestIsRejected() {
        Browser browser = new Browser();
        Map<String, String> first = loginAs(browser, "mary");
        Map<String, String> second = loginAs(new Browser(), "mary");

        // the first login's response, sent under the second login's RelayState
        HttpResponse<String> swapped = browser.http.postForm(URI.create(base + "/saml"),
                Map.of("SAMLResponse", first.get("SAMLResponse"), "RelayState", second.get("RelayState")));

        assertThat(swapped.statusCode()).isEqualTo(400);
        assertThat(swapped.body()).contains("Unsolicited SAML response").doesNotContain("AccessKeyId");
    }
}

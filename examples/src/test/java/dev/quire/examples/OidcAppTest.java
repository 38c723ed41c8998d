package dev.quire.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.server.testkit.KeycloakTestServer;
import dev.quire.server.testkit.TokenResponse;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.QBusinessException;

/** OidcApp between a real Keycloak and Quire: login → callback → credentials that Quire honours. */
class OidcAppTest {
    @TempDir
    static Path dataDir;
    static QuireFixture quire;
    static KeycloakTestServer keycloak;
    static CreatedApp created;
    static OidcApp app;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        keycloak = KeycloakTestServer.shared();
        quire = new QuireFixture(dataDir);
        created = ExampleSetup.createOidcApp(quire, keycloak, new QuireFixture.Output().stream);
        int port = ExampleSetup.freePort();
        base = "http://127.0.0.1:" + port;
        app = OidcApp.start(ExampleSetup.oidcAppConfig(keycloak, base, created.webExperienceRoleArn()),
                quire.anonymousSts(), port);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        quire.close();
    }

    @Test
    void maryLogsInAndGetsCredentialsForTheWebExperienceRole() {
        Browser browser = new Browser();
        String callback = browser.loginAtKeycloak(base + "/login/oidc", keycloak.baseUrl(), "mary",
                KeycloakTestServer.PASSWORD);
        assertThat(callback).startsWith(base + "/auth/oidc/callback?");

        HttpResponse<String> page = browser.get(callback);

        assertThat(page.statusCode()).isEqualTo(200);
        String roleName = created.webExperienceRoleArn().substring(created.webExperienceRoleArn().lastIndexOf('/') + 1);
        assertThat(page.body()).contains("OIDC Login Successful", "mary.major@example.com",
                "AWS AssumeRoleWithWebIdentity Response:",
                "AssumedRoleUser: arn:aws:sts::123456789012:assumed-role/" + roleName + "/OIDCSession",
                "export AWS_SESSION_TOKEN=", "Logout");
        Map<String, String> credentials = Browser.exportedCredentials(page.body());
        try (QBusinessClient asMary = ExampleSetup.qbusinessAs(quire, credentials)) {
            // the web experience policy allows GetApplication on this application, and not ListApplications
            assertThat(asMary.getApplication(r -> r.applicationId(created.applicationId())).applicationId())
                    .isEqualTo(created.applicationId());
            assertThatThrownBy(() -> asMary.listApplications(r -> { }))
                    .isInstanceOfSatisfying(QBusinessException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void theLoginRedirectCarriesStateNonceAndAnS256Challenge() {
        HttpResponse<String> r = new Browser().get(base + "/login/oidc");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).contains(OidcApp.SESSION_COOKIE, "HttpOnly");
        assertThat(Browser.location(r)).startsWith(keycloak.authorizationEndpoint())
                .containsPattern("[?&]state=[A-Za-z0-9_-]{43}(&|$)").containsPattern("[?&]nonce=[A-Za-z0-9_-]{43}(&|$)")
                .containsPattern("[?&]code_challenge=[A-Za-z0-9_-]{43}(&|$)").contains("code_challenge_method=S256");
    }

    @Test
    void aTamperedStateIsRejectedAndTheLoginCannotBeRetried() {
        Browser browser = new Browser();
        String callback = browser.loginAtKeycloak(base + "/login/oidc", keycloak.baseUrl(), "mateo",
                KeycloakTestServer.PASSWORD);

        HttpResponse<String> tampered = browser.get(Browser.withQueryParameter(callback, "state", "attacker-state"));

        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(tampered.body()).contains("Invalid state").doesNotContain("AccessKeyId");
        HttpResponse<String> retried = browser.get(callback);
        assertThat(retried.statusCode()).isEqualTo(400);
        assertThat(retried.body()).contains("Login not started here").doesNotContain("AccessKeyId");
    }

    @Test
    void aCallbackFromAnotherBrowserIsRejected() {
        String callback = new Browser().loginAtKeycloak(base + "/login/oidc", keycloak.baseUrl(), "mateo",
                KeycloakTestServer.PASSWORD);

        HttpResponse<String> elsewhere = new Browser().get(callback); // no login cookie: a forged link

        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("Login not started here").doesNotContain("AccessKeyId");
    }

    @Test
    void theIdTokenVerifierChecksSignatureAudienceAndNonce() throws Exception {
        String redirect = "http://127.0.0.1/verifier-test";
        String code = keycloak.authorizationCodeLogin("mary", KeycloakTestServer.PASSWORD, redirect, "s1",
                "nonce-sent", null);
        TokenResponse tokens = keycloak.exchangeCode(code, redirect, null);
        OidcDiscovery discovery = OidcDiscovery.fetch(java.net.http.HttpClient.newHttpClient(),
                keycloak.issuerUrl() + "/.well-known/openid-configuration");
        IdTokenVerifier verifier = new IdTokenVerifier(discovery, KeycloakTestServer.OIDC_CLIENT_ID);

        assertThat(verifier.verify(tokens.idToken(), "nonce-sent").getSubject()).isNotBlank();
        assertThatThrownBy(() -> verifier.verify(tokens.idToken(), "nonce-other"))
                .hasMessageContaining("nonce");
        String[] parts = tokens.idToken().split("\\.");
        String flipped = parts[2].charAt(5) == 'A' ? "B" : "A";
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 5) + flipped + parts[2].substring(6);
        assertThatThrownBy(() -> verifier.verify(badSignature, "nonce-sent")).hasMessageContaining("not valid");
        assertThatThrownBy(() -> new IdTokenVerifier(discovery, "another-client").verify(tokens.idToken(), "nonce-sent"))
                .hasMessageContaining("not valid");
        TokenResponse noNonce = keycloak.passwordGrant("mary", KeycloakTestServer.PASSWORD);
        assertThatThrownBy(() -> verifier.verify(noNonce.idToken(), "nonce-sent")).hasMessageContaining("not valid");
    }
}

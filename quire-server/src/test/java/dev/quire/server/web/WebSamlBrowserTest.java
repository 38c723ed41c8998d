package dev.quire.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quire.server.chat.ChatScene;
import dev.quire.server.support.RunningQuire;
import dev.quire.server.testkit.KeycloakTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * SAML sign-in to the hosted web experience in a real browser against Keycloak, set up as Amazon Q
 * Business does it (see {@link WebSamlScene}): the web experience sends the browser to Keycloak's
 * IdP-initiated URL, the user signs in on Keycloak's own form, Keycloak's page posts the signed
 * SAMLResponse to {@code <endpoint>saml}, and Quire trades it with AssumeRoleWithSAML for the
 * web-experience role. Answers follow who signed in; sign-out ends the session for good.
 */
class WebSamlBrowserTest {
    @TempDir
    static Path dataDir;
    static RunningQuire quire;
    static WebSamlScene scene;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        quire = RunningQuire.h2(dataDir);
        scene = new WebSamlScene(quire);
    }

    @AfterAll
    static void stop() {
        if (scene != null) {
            scene.close();
        }
        if (quire != null) {
            quire.close();
        }
    }

    @Test
    void maryGetsAcmeOverSamlAndHerCopiedCookieDiesAtSignOut() throws Exception {
        assumeTrue(Browser.available(), "Debian chromium and chromium-driver are not installed");
        String oldCookie;
        try (Browser b = new Browser(1280, 900)) {
            b.driver.get(scene.endpoint);
            assertThat(b.driver.getCurrentUrl()).startsWith(scene.chat.keycloak.issuerUrl() + "/");
            b.keycloakLogin("mary", KeycloakTestServer.PASSWORD);
            b.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-email"),
                    "mary.major@example.com"));
            assertThat(b.driver.getCurrentUrl()).isEqualTo(scene.endpoint);
            assertThat(b.driver.findElement(By.id("title")).getText()).isEqualTo("ACME Assistant");

            String answer = ask(b);
            assertThat(answer).contains("Mary Major", "Martha Rivera", "John Doe");
            assertThat(b.visible(By.id("source-list")).getText()).contains("ACME");
            assertThat(b.driver.findElements(By.cssSelector("#messages a.citation"))).isNotEmpty();
            String page = b.driver.findElement(By.tagName("body")).getText();
            assertThat(page).doesNotContain("AnyOrgApp");
            ChatScene.ANYORG_NAMES.forEach(n -> assertThat(page).doesNotContain(n));
            ChatScene.SECRET_NAMES.forEach(n -> assertThat(page).doesNotContain(n));
            b.screenshot("web-chat-saml-mary.png");

            oldCookie = b.driver.manage().getCookieNamed(WebLogin.SESSION_COOKIE).getValue();
            assertThat(get("api/config", oldCookie).statusCode()).isEqualTo(200);
            b.driver.findElement(By.id("logout")).click();
            // Not back at the endpoint: that would bounce through Keycloak's SSO session and sign her in again.
            b.waiting().until(ExpectedConditions.urlToBe(scene.endpoint + WebLogin.SIGNED_OUT));
            assertThat(b.visible(By.id("signed-out")).getText()).contains("signed out");
            assertThat(b.driver.manage().getCookieNamed(WebLogin.SESSION_COOKIE)).isNull();
        }
        assertThat(get("api/config", oldCookie).statusCode()).isEqualTo(401);
        HttpResponse<String> page = get("", oldCookie);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("location")).contains(scene.keycloakClient.idpInitiatedUrl());
    }

    /** Mateo uses the SP-initiated web experience: Quire's AuthnRequest to Keycloak's SSO endpoint. */
    @Test
    void mateoGetsAnyOrgAppOverSpInitiatedSamlNeverAcme() throws Exception {
        assumeTrue(Browser.available(), "Debian chromium and chromium-driver are not installed");
        HttpResponse<String> begin = HTTP.send(HttpRequest.newBuilder(URI.create(scene.spInitiatedEndpoint)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(begin.headers().firstValue("location").orElseThrow())
                .startsWith(scene.chat.keycloak.samlEndpoint() + "?SAMLRequest=");
        try (Browser b = new Browser(1280, 900)) {
            b.driver.get(scene.spInitiatedEndpoint);
            b.keycloakLogin("mateo", KeycloakTestServer.PASSWORD);
            b.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-email"),
                    "mateo.jackson@example.com"));
            assertThat(b.driver.getCurrentUrl()).isEqualTo(scene.spInitiatedEndpoint);
            String answer = ask(b);
            assertThat(answer).contains("Diego Ramirez", "Nikki Wolf");
            assertThat(b.visible(By.id("source-list")).getText()).contains("AnyOrgApp");
            String page = b.driver.findElement(By.tagName("body")).getText();
            // "ACME Assistant" is the web experience's title; the answer and its sources must not say ACME.
            assertThat(b.driver.findElement(By.id("messages")).getText()).doesNotContain("ACME");
            assertThat(b.driver.findElement(By.id("source-list")).getText()).doesNotContain("ACME");
            ChatScene.ACME_NAMES.forEach(n -> assertThat(page).doesNotContain(n));
            ChatScene.SECRET_NAMES.forEach(n -> assertThat(page).doesNotContain(n));
        }
    }

    /** Asks the seed's question and returns the answer's text once its feedback buttons show it is complete. */
    private static String ask(Browser b) {
        b.driver.findElement(By.id("message")).sendKeys(ChatScene.QUESTION, Keys.ENTER);
        b.visible(By.cssSelector("#messages li.system .feedback"));
        return b.driver.findElement(By.cssSelector("#messages li.system .body")).getText();
    }

    static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(scene.endpoint + path)).GET();
        if (cookie != null) {
            r.header("Cookie", WebLogin.SESSION_COOKIE + "=" + cookie);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
}

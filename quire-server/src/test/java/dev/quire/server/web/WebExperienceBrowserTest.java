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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The hosted web experience in a real browser against Keycloak and the seed scene: sign-in through
 * Keycloak's login form (OIDC code + PKCE, client secret from Secrets Manager), a streamed answer
 * with sources, the access explanation, sign-out, and a replayed cookie rejected afterwards.
 */
class WebExperienceBrowserTest {
    @TempDir
    static Path dataDir;
    static RunningQuire quire;
    static WebScene scene;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        quire = RunningQuire.h2(dataDir);
        scene = new WebScene(quire);
    }

    @AfterAll
    static void stop() {
        quire.close();
    }

    @Test
    void maryGetsAcmeWithSourcesAndHerOldCookieDiesAtSignOut() throws Exception {
        assumeTrue(Browser.available(), "Debian chromium and chromium-driver are not installed");
        String oldCookie;
        try (Browser b = new Browser(1280, 900)) {
            b.driver.get(scene.endpoint);
            assertThat(b.driver.getCurrentUrl()).startsWith(scene.chat.keycloak.authorizationEndpoint());
            b.keycloakLogin("mary", KeycloakTestServer.PASSWORD);
            b.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-email"), "mary"));
            assertThat(b.driver.findElement(By.id("title")).getText()).isEqualTo("ACME Assistant");
            assertThat(b.driver.findElement(By.id("welcome")).getText()).isEqualTo("Hello! Ask about your projects.");
            b.screenshot("web-chat-signed-in.png");

            b.driver.findElement(By.id("message")).sendKeys(ChatScene.QUESTION, Keys.ENTER);
            b.visible(By.cssSelector("#messages li.system .feedback"));
            String answer = b.driver.findElement(By.cssSelector("#messages li.system .body")).getText();
            assertThat(answer).contains("Mary Major", "Martha Rivera", "John Doe");
            String sources = b.visible(By.id("source-list")).getText();
            assertThat(sources).contains("ACME");
            String page = b.driver.findElement(By.tagName("body")).getText();
            assertThat(page).doesNotContain("AnyOrgApp").doesNotContain("Diego Ramirez").doesNotContain("Nikki Wolf");
            ChatScene.SECRET_NAMES.forEach(n -> assertThat(page).doesNotContain(n));
            assertThat(b.driver.findElements(By.cssSelector("#messages a.citation"))).isNotEmpty();
            b.screenshot("web-answer-with-sources.png");

            b.driver.findElement(By.cssSelector("#source-list button.why")).click();
            WebElement access = b.visible(By.id("access"));
            b.waiting().until(ExpectedConditions.textToBePresentInElement(access, "core-team"));
            b.screenshot("web-access-explanation.png");

            b.driver.findElement(By.cssSelector("#messages .feedback button")).click();
            b.waiting().until(ExpectedConditions.attributeToBe(
                    By.cssSelector("#messages .feedback button"), "aria-pressed", "true"));

            oldCookie = b.driver.manage().getCookieNamed(WebLogin.SESSION_COOKIE).getValue();
            assertThat(get("api/config", oldCookie).statusCode()).isEqualTo(200);
            // A cross-site form can carry the cookie but not the page's CSRF header.
            HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(URI.create(scene.endpoint + "api/logout"))
                    .header("Cookie", WebLogin.SESSION_COOKIE + "=" + oldCookie)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(get("api/config", oldCookie).statusCode()).isEqualTo(200);
            b.driver.findElement(By.id("logout")).click();
            b.waiting().until(d -> d.getCurrentUrl().startsWith(scene.chat.keycloak.issuerUrl()));
        }
        HttpResponse<String> replay = get("api/config", oldCookie);
        assertThat(replay.statusCode()).isEqualTo(401);
        HttpResponse<String> page = get("", oldCookie);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("location").orElseThrow())
                .startsWith(scene.chat.keycloak.authorizationEndpoint());
    }

    @Test
    void mateoGetsAnyOrgAppNeverAcmeOnAPhoneSizedScreen() throws Exception {
        assumeTrue(Browser.available(), "Debian chromium and chromium-driver are not installed");
        try (Browser b = new Browser(800, 900)) {
            // Desktop Chromium will not shrink a window below ~500 px: emulate a 375 px phone viewport.
            b.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                    "width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
            b.driver.get(scene.endpoint);
            b.keycloakLogin("mateo", KeycloakTestServer.PASSWORD);
            b.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-email"), "mateo"));
            b.driver.findElement(By.id("message")).sendKeys(ChatScene.QUESTION, Keys.ENTER);
            b.visible(By.cssSelector("#messages li.system .feedback"));
            String page = b.driver.findElement(By.tagName("body")).getText();
            assertThat(page).contains("Diego Ramirez", "Nikki Wolf", "AnyOrgApp");
            ChatScene.ACME_NAMES.forEach(n -> assertThat(page).doesNotContain(n));
            ChatScene.SECRET_NAMES.forEach(n -> assertThat(page).doesNotContain(n));
            Object width = b.driver.executeScript("return window.innerWidth");
            Object scrollWidth = b.driver.executeScript("return document.documentElement.scrollWidth");
            assertThat(((Number) width).intValue()).isEqualTo(375);
            assertThat(((Number) scrollWidth).intValue()).as("no horizontal scrolling at 375 px").isLessThanOrEqualTo(375);
            b.screenshot("web-phone-375.png");
        }
    }

    @Test
    void aCallbackNotStartedInThisBrowserIsRefused() throws Exception {
        HttpResponse<String> begin = get("", null);
        assertThat(begin.statusCode()).isEqualTo(302);
        String location = begin.headers().firstValue("location").orElseThrow();
        assertThat(location).contains("code_challenge_method=S256").contains("nonce=").contains("state=");
        String state = location.replaceFirst(".*[?&]state=([^&]+).*", "$1");
        // The right state but without the pre-login cookie it is bound to: refused before any code exchange.
        HttpResponse<String> callback = get("authorization-code/callback?code=x&state=" + state, null);
        assertThat(callback.statusCode()).isEqualTo(400);
        assertThat(callback.body()).contains("does not belong to a sign-in started in this browser");
        assertThat(get("api/conversations", null).statusCode()).isEqualTo(401);
        assertThat(get("api/config", "A".repeat(43)).statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = HTTP.send(HttpRequest.newBuilder(quire.endpoint()
                .resolve("/web/00000000-0000-0000-0000-000000000000/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(scene.endpoint + path)).GET();
        if (cookie != null) {
            r.header("Cookie", WebLogin.SESSION_COOKIE + "=" + cookie);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
}

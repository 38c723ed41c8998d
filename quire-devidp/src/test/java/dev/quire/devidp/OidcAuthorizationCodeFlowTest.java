package dev.quire.devidp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drives the browser flow with java.net.http: authorize → form → credentials → code → token. */
class OidcAuthorizationCodeFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REDIRECT = "http://127.0.0.1:49152/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = Secrets.s256(VERIFIER);
    private static DevIdp idp;
    private final TestIdp.Browser browser = new TestIdp.Browser();

    @BeforeAll
    static void start() {
        idp = TestIdp.start();
    }

    @AfterAll
    static void stop() {
        idp.close();
    }

    @Test
    void codeFlowWithPkceAndNonceYieldsAVerifiedIdToken() throws Exception {
        HttpResponse<String> loginPage = browser.get(authorizeUrl(REDIRECT, CHALLENGE));
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginPage.body()).contains("Development IdP \u2014 not for production").contains("dev-banner");

        HttpResponse<String> redirect = signIn(loginPage, TestIdp.USER, TestIdp.PASSWORD);
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?");
        Map<String, String> params = TestIdp.queryOf(location);
        assertThat(params.get("state")).isEqualTo("st<a>te");
        assertThat(params.get("iss")).isEqualTo(idp.issuer());

        HttpResponse<String> tokens = exchange(params.get("code"), REDIRECT, VERIFIER);
        assertThat(tokens.statusCode()).isEqualTo(200);
        SignedJWT idToken = SignedJWT.parse(JSON.readTree(tokens.body()).get("id_token").asText());
        RSAKey key = (RSAKey) JWKSet.parse(browser.get(idp.jwksUrl()).body()).getKeyByKeyId(idToken.getHeader().getKeyID());
        assertThat(idToken.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(idToken.getJWTClaimsSet().getStringClaim("nonce")).isEqualTo("n-0S6_WzA2Mj");
        assertThat(idToken.getJWTClaimsSet().getAudience()).containsExactly(TestIdp.CLIENT_ID);
        assertThat(idToken.getJWTClaimsSet().getStringClaim("email")).isEqualTo(TestIdp.EMAIL);
    }

    @Test
    void reusedCodeIsRejected() throws Exception {
        String code = codeFor(REDIRECT, CHALLENGE);
        assertThat(exchange(code, REDIRECT, VERIFIER).statusCode()).isEqualTo(200);
        HttpResponse<String> again = exchange(code, REDIRECT, VERIFIER);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(error(again)).isEqualTo("invalid_grant");
    }

    @Test
    void pkceMismatchOrMissingVerifierIsRejected() throws Exception {
        HttpResponse<String> wrong = exchange(codeFor(REDIRECT, CHALLENGE), REDIRECT, VERIFIER.replace('d', 'e'));
        HttpResponse<String> missing = exchange(codeFor(REDIRECT, CHALLENGE), REDIRECT, null);
        assertThat(error(wrong)).isEqualTo("invalid_grant");
        assertThat(error(missing)).isEqualTo("invalid_grant");
        assertThat(wrong.body()).doesNotContain("id_token");
    }

    @Test
    void verifierWithoutChallengeIsRejected() throws Exception {
        HttpResponse<String> response = exchange(codeFor(REDIRECT, null), REDIRECT, VERIFIER);
        assertThat(error(response)).isEqualTo("invalid_grant");
    }

    @Test
    void tokenRequestMustRepeatTheSameRedirectUri() throws Exception {
        HttpResponse<String> response = exchange(codeFor(REDIRECT, CHALLENGE), "http://127.0.0.1:49152/other", VERIFIER);
        assertThat(error(response)).isEqualTo("invalid_grant");
    }

    @Test
    void plainPkceMethodIsRefusedBackToTheClient() throws Exception {
        HttpResponse<String> response = browser.get(idp.authorizationEndpoint() + "?response_type=code&client_id="
                + TestIdp.CLIENT_ID + "&redirect_uri=" + Exchange.encode(REDIRECT) + "&code_challenge=" + CHALLENGE
                + "&code_challenge_method=plain&state=s");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(TestIdp.queryOf(response.headers().firstValue("Location").orElseThrow()).get("error"))
                .isEqualTo("invalid_request");
    }

    @Test
    void wrongPasswordShowsTheFormAgainWithoutARedirect() throws Exception {
        HttpResponse<String> response = signIn(browser.get(authorizeUrl(REDIRECT, CHALLENGE)), TestIdp.USER, "nope");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("Invalid username or password.").contains("dev-banner");
    }

    @Test
    void redirectUriOutsideTheClientPatternsGetsAnErrorPageNotARedirect() throws Exception {
        for (String bad : new String[] {"http://evil.example/callback", "http://127.0.0.1.evil.example/cb",
                "https://127.0.0.1:49152/callback", "http://127.0.0.1:49152/cb#frag"}) {
            HttpResponse<String> response = browser.get(authorizeUrl(bad, CHALLENGE));
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.headers().firstValue("Location")).as(bad).isEmpty();
            assertThat(response.body()).contains("dev-banner");
        }
    }

    @Test
    void loginPostWithoutTheCsrfTokenOrFromAnotherBrowserIsRefused() throws Exception {
        HttpResponse<String> page = browser.get(authorizeUrl(REDIRECT, CHALLENGE));
        TestIdp.Form form = TestIdp.Form.parse(page.body(), "devidp-login");
        Map<String, String> forged = new LinkedHashMap<>(form.fields());
        forged.put("csrf", "x".repeat(43));
        forged.put("username", TestIdp.USER);
        forged.put("password", TestIdp.PASSWORD);
        assertThat(browser.post(form.action(), forged).statusCode()).isEqualTo(403);

        Map<String, String> genuine = new LinkedHashMap<>(form.fields());
        genuine.put("username", TestIdp.USER);
        genuine.put("password", TestIdp.PASSWORD);
        assertThat(new TestIdp.Browser().post(form.action(), genuine).statusCode()).isEqualTo(403);
        assertThat(browser.post(form.action(), genuine).statusCode()).isEqualTo(302);
    }

    @Test
    void aSecondSignInInTheSameBrowserIsOneClick() throws Exception {
        codeFor(REDIRECT, CHALLENGE);
        HttpResponse<String> page = browser.get(authorizeUrl(REDIRECT, CHALLENGE));
        assertThat(page.body()).contains("Continue as Mary Major");
        HttpResponse<String> redirect = browser.submit(page, "devidp-continue", Map.of());
        assertThat(redirect.statusCode()).isEqualTo(302);
        String code = TestIdp.queryOf(redirect.headers().firstValue("Location").orElseThrow()).get("code");
        assertThat(exchange(code, REDIRECT, VERIFIER).statusCode()).isEqualTo(200);
    }

    @Test
    void logoutRedirectsOnlyToAnAllowedUriAndEndsTheSession() throws Exception {
        codeFor(REDIRECT, CHALLENGE);
        String idToken = idp.idTokenFor(TestIdp.USER, TestIdp.CLIENT_ID);
        HttpResponse<String> refused = browser.get(idp.endSessionEndpoint() + "?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + Exchange.encode("http://evil.example/"));
        assertThat(refused.statusCode()).isEqualTo(400);

        HttpResponse<String> out = browser.get(idp.endSessionEndpoint() + "?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + Exchange.encode("http://127.0.0.1:5000/bye") + "&state=s1");
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location")).contains("http://127.0.0.1:5000/bye?state=s1");
        assertThat(browser.get(authorizeUrl(REDIRECT, CHALLENGE)).body()).doesNotContain("Continue as");
    }

    private String authorizeUrl(String redirectUri, String challenge) {
        return idp.authorizationEndpoint() + "?response_type=code&scope=openid%20email&client_id=" + TestIdp.CLIENT_ID
                + "&redirect_uri=" + Exchange.encode(redirectUri) + "&state=" + Exchange.encode("st<a>te")
                + "&nonce=n-0S6_WzA2Mj"
                + (challenge == null ? "" : "&code_challenge=" + challenge + "&code_challenge_method=S256");
    }

    private HttpResponse<String> signIn(HttpResponse<String> loginPage, String username, String password) throws Exception {
        return browser.submit(loginPage, "devidp-login", Map.of("username", username, "password", password));
    }

    private String codeFor(String redirectUri, String challenge) throws Exception {
        HttpResponse<String> redirect = signIn(browser.get(authorizeUrl(redirectUri, challenge)), TestIdp.USER, TestIdp.PASSWORD);
        assertThat(redirect.statusCode()).isEqualTo(302);
        return TestIdp.queryOf(redirect.headers().firstValue("Location").orElseThrow()).get("code");
    }

    private HttpResponse<String> exchange(String code, String redirectUri, String verifier) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return browser.post(idp.tokenEndpoint(), form, OidcPasswordGrantTest.basic(TestIdp.CLIENT_SECRET));
    }

    private static String error(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        return body.path("error").asText();
    }
}

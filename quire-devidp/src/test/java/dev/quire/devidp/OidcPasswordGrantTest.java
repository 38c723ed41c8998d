package dev.quire.devidp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OidcPasswordGrantTest {
    private static final ObjectMapper JSON = new ObjectMapper();
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
    void discoveryNamesTheLoopbackIssuerAndItsEndpoints() throws Exception {
        HttpResponse<String> response = browser.get(idp.discoveryUrl());
        JsonNode doc = JSON.readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(idp.issuer()).isEqualTo("http://127.0.0.1:" + idp.port() + "/realms/quire");
        assertThat(idp.discoveryUrl()).isEqualTo(idp.issuer() + "/.well-known/openid-configuration");
        assertThat(doc.get("issuer").asText()).isEqualTo(idp.issuer());
        assertThat(doc.get("jwks_uri").asText()).isEqualTo(idp.jwksUrl());
        assertThat(doc.get("token_endpoint").asText()).isEqualTo(idp.tokenEndpoint());
        assertThat(doc.get("authorization_endpoint").asText()).isEqualTo(idp.authorizationEndpoint());
        assertThat(doc.get("end_session_endpoint").asText()).isEqualTo(idp.endSessionEndpoint());
        assertThat(doc.get("id_token_signing_alg_values_supported").toString()).isEqualTo("[\"RS256\"]");
        assertThat(response.headers().firstValue("X-Development-IdP")).contains("not-for-production");
    }

    @Test
    void passwordGrantIdTokenVerifiesWithTheJwksKeyAndCarriesTheAwsTagsClaim() throws Exception {
        JWKSet jwks = JWKSet.parse(browser.get(idp.jwksUrl()).body());
        assertThat(jwks.getKeys()).hasSize(1);
        assertThat(jwks.getKeys().get(0).isPrivate()).isFalse();

        HttpResponse<String> response = passwordGrant(TestIdp.USER, TestIdp.PASSWORD, TestIdp.CLIENT_SECRET);
        assertThat(response.statusCode()).isEqualTo(200);
        String idToken = JSON.readTree(response.body()).get("id_token").asText();
        SignedJWT jwt = SignedJWT.parse(idToken);
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());

        assertThat(key).isNotNull();
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(idp.issuer());
        assertThat(claims.getAudience()).containsExactly(TestIdp.CLIENT_ID);
        assertThat(claims.getStringClaim("azp")).isEqualTo(TestIdp.CLIENT_ID);
        assertThat(claims.getSubject()).isEqualTo(SignedJWT.parse(idp.idTokenFor("mary", TestIdp.CLIENT_ID))
                .getJWTClaimsSet().getSubject());
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(3_600_000L);
        assertThat(claims.getStringClaim("email")).isEqualTo(TestIdp.EMAIL);
        assertThat(claims.getBooleanClaim("email_verified")).isTrue();
        assertThat(claims.getStringClaim("name")).isEqualTo("Mary Major");
        assertThat(claims.getStringListClaim("groups")).containsExactly("engineering", "all-staff");

        JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]));
        assertThat(payload.get("https://aws.amazon.com/tags").toString())
                .isEqualTo("{\"principal_tags\":{\"Email\":[\"mary.major@example.com\"]}}");
    }

    @Test
    void aUserWithoutGroupsGetsNoGroupsClaim() throws Exception {
        var claims = SignedJWT.parse(idp.idTokenFor("john", TestIdp.CLIENT_ID)).getJWTClaimsSet();
        assertThat(claims.getClaims()).doesNotContainKey("groups");
    }

    @Test
    void wrongPasswordIsInvalidGrant() throws Exception {
        HttpResponse<String> response = passwordGrant(TestIdp.USER, "wrong", TestIdp.CLIENT_SECRET);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(response.body()).doesNotContain("id_token");
    }

    @Test
    void unknownUserIsInvalidGrant() throws Exception {
        HttpResponse<String> response = passwordGrant("nobody", TestIdp.PASSWORD, TestIdp.CLIENT_SECRET);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void wrongClientSecretIsInvalidClient() throws Exception {
        HttpResponse<String> response = passwordGrant(TestIdp.USER, TestIdp.PASSWORD, "not-the-secret");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void clientSecretPostWorksAndTwoAuthenticationMethodsAreRefused() throws Exception {
        Map<String, String> form = Map.of("grant_type", "password", "username", TestIdp.USER,
                "password", TestIdp.PASSWORD, "client_id", TestIdp.CLIENT_ID, "client_secret", TestIdp.CLIENT_SECRET);
        assertThat(browser.post(idp.tokenEndpoint(), form).statusCode()).isEqualTo(200);
        assertThat(browser.post(idp.tokenEndpoint(), form, basic(TestIdp.CLIENT_SECRET)).statusCode()).isEqualTo(400);
    }

    @Test
    void userinfoAnswersForTheAccessTokenOnly() throws Exception {
        String accessToken = JSON.readTree(passwordGrant(TestIdp.USER, TestIdp.PASSWORD, TestIdp.CLIENT_SECRET).body())
                .get("access_token").asText();
        var ok = browser.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(idp.userinfoEndpoint()))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
        var bad = browser.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(idp.userinfoEndpoint()))
                .header("Authorization", "Bearer " + accessToken + "x").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(ok.body()).get("email").asText()).isEqualTo(TestIdp.EMAIL);
        assertThat(bad.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> passwordGrant(String username, String password, String clientSecret) throws Exception {
        return browser.post(idp.tokenEndpoint(), Map.of("grant_type", "password", "username", username,
                "password", password, "scope", "openid"), basic(clientSecret));
    }

    static String basic(String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((TestIdp.CLIENT_ID + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}

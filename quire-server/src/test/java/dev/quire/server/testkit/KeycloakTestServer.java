package dev.quire.server.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real Keycloak of {@code testing/keycloak/quire-realm.json}, shared by all tests of a JVM.
 *
 * <p>{@link #shared()} uses a Keycloak that already serves the {@code quire} realm (at
 * {@code QUIRE_KC_URL}, else {@code http://127.0.0.1:${QUIRE_KC_PORT:-18080}}); otherwise it runs
 * {@code scripts/keycloak.sh start} and, only then, stops it again when the JVM exits. Realm keys
 * change on every fresh start: read {@link #jwksJson()} / {@link #samlMetadataXml()} at run time.
 */
public final class KeycloakTestServer {
    /** Password of every user in the test realm (mary, mateo, martha, john). */
    public static final String PASSWORD = "Passw0rd!";
    public static final String REALM = "quire";
    public static final String OIDC_CLIENT_ID = "quire-oidc";
    public static final String OIDC_CLIENT_SECRET = "quire-oidc-secret";
    public static final String SAML_ENTITY_ID = "urn:amazon:webservices";
    public static final String SAML_ROLE_ARN = "arn:aws:iam::123456789012:role/quire-web-experience-role";
    public static final String SAML_PROVIDER_ARN = "arn:aws:iam::123456789012:saml-provider/quire-keycloak";
    /** The hardcoded value of the {@code https://aws.amazon.com/SAML/Attributes/Role} attribute. */
    public static final String SAML_ROLE_ATTRIBUTE_VALUE = SAML_ROLE_ARN + "," + SAML_PROVIDER_ARN;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeycloakTestServer shared;

    private final String baseUrl;
    private final boolean startedHere;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private KeycloakTestServer(String baseUrl, boolean startedHere) {
        this.baseUrl = baseUrl;
        this.startedHere = startedHere;
    }

    /** The Keycloak for this JVM; starts one through {@code scripts/keycloak.sh} if none answers. */
    public static synchronized KeycloakTestServer shared() {
        if (shared == null) {
            shared = connectOrStart();
        }
        return shared;
    }

    private static KeycloakTestServer connectOrStart() {
        String explicitUrl = System.getenv("QUIRE_KC_URL");
        String port = System.getenv().getOrDefault("QUIRE_KC_PORT", "18080");
        String url = explicitUrl != null ? stripSlash(explicitUrl) : "http://127.0.0.1:" + port;
        KeycloakTestServer server = new KeycloakTestServer(url, false);
        if (server.realmAnswers()) {
            return server;
        }
        if (explicitUrl != null) {
            throw new IllegalStateException("QUIRE_KC_URL=" + explicitUrl + " does not serve realm " + REALM);
        }
        KeycloakScript script = KeycloakScript.locate();
        String output = script.run("start", 600);
        // the script says "ready in" only when this call launched the process (not when reusing one)
        boolean launched = output.contains("keycloak.sh: ready in");
        KeycloakTestServer started = new KeycloakTestServer(url, launched);
        if (launched) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> script.run("stop", 60), "keycloak-stop"));
        }
        if (!started.realmAnswers()) {
            throw new IllegalStateException(KeycloakScript.SCRIPT + " start finished but " + url + " does not answer");
        }
        return started;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** True when this JVM started Keycloak and will stop it at exit. */
    public boolean startedByThisJvm() {
        return startedHere;
    }

    /** {@code http://127.0.0.1:18080/realms/quire}: the {@code iss} of its tokens, the SAML IdP entity id. */
    public String issuerUrl() {
        return baseUrl + "/realms/" + REALM;
    }

    public String oidcClientId() {
        return OIDC_CLIENT_ID;
    }

    public String oidcClientSecret() {
        return OIDC_CLIENT_SECRET;
    }

    public String samlEntityId() {
        return SAML_ENTITY_ID;
    }

    public String authorizationEndpoint() {
        return issuerUrl() + "/protocol/openid-connect/auth";
    }

    public String tokenEndpoint() {
        return issuerUrl() + "/protocol/openid-connect/token";
    }

    public String jwksUri() {
        return issuerUrl() + "/protocol/openid-connect/certs";
    }

    /** The IdP's SAML endpoint (Redirect and POST bindings). */
    public String samlEndpoint() {
        return issuerUrl() + "/protocol/saml";
    }

    public String openIdConfigurationJson() {
        return getOk(issuerUrl() + "/.well-known/openid-configuration");
    }

    /** The realm's JSON Web Key Set, as served. */
    public String jwksJson() {
        return getOk(jwksUri());
    }

    /** The IdP's SAML metadata (EntityDescriptor with one signing certificate). */
    public String samlMetadataXml() {
        return getOk(samlEndpoint() + "/descriptor");
    }

    /** Resource-owner password grant with scope {@code openid} on the confidential OIDC client. */
    public TokenResponse passwordGrant(String username, String password) {
        Map<String, String> form = clientForm("password");
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        return tokenRequest(form);
    }

    /**
     * Logs {@code username} in through Keycloak's login form (authorization-code flow, scope openid)
     * and returns the {@code code} Keycloak redirects to {@code redirectUri} with. {@code nonce} and
     * {@code codeChallengeS256} may be null (see {@link Pkce}). The redirect is not followed.
     */
    public String authorizationCodeLogin(String username, String password, String redirectUri,
                                         String state, String nonce, String codeChallengeS256) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", OIDC_CLIENT_ID);
        query.put("redirect_uri", redirectUri);
        query.put("scope", "openid");
        query.put("state", state);
        if (nonce != null) {
            query.put("nonce", nonce);
        }
        if (codeChallengeS256 != null) {
            query.put("code_challenge", codeChallengeS256);
            query.put("code_challenge_method", "S256");
        }
        LoginBrowser browser = new LoginBrowser();
        HttpResponse<String> page = browser.get(URI.create(authorizationEndpoint() + "?" + LoginBrowser.formEncode(query)));
        HttpResponse<String> answer = followWithinKeycloak(browser, browser.submitLogin(page, username, password));
        if (!LoginBrowser.isRedirect(answer)) {
            throw new IllegalStateException("login of " + username + " did not redirect: HTTP "
                    + answer.statusCode() + ": " + LoginBrowser.describe(answer.body()));
        }
        String location = LoginBrowser.location(answer);
        Map<String, String> params = LoginBrowser.queryParameters(URI.create(location));
        if (params.containsKey("error") || !params.containsKey("code")) {
            throw new IllegalStateException("authorization failed: " + location);
        }
        if (!state.equals(params.get("state"))) {
            throw new IllegalStateException("state mismatch in " + location);
        }
        return params.get("code");
    }

    /** Exchanges an authorization code at the token endpoint; {@code codeVerifier} may be null. */
    public TokenResponse exchangeCode(String code, String redirectUri, String codeVerifier) {
        Map<String, String> form = clientForm("authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        if (codeVerifier != null) {
            form.put("code_verifier", codeVerifier);
        }
        return tokenRequest(form);
    }

    /**
     * SP-initiated SAML login as {@code urn:amazon:webservices} asking for an answer at {@code acsUrl}
     * (must match the client's redirect URIs: {@code http://127.0.0.1/*}, {@code http://localhost/*} or
     * {@code http://localhost:8000/saml}). Returns the base64 {@code SAMLResponse} the IdP would POST.
     */
    public String samlLogin(String username, String password, String acsUrl) {
        String request = SamlAuthnRequests.authnRequestXml(SAML_ENTITY_ID, acsUrl, samlEndpoint());
        URI uri = URI.create(samlEndpoint() + "?SAMLRequest=" + SamlAuthnRequests.redirectBindingParameter(request));
        LoginBrowser browser = new LoginBrowser();
        HttpResponse<String> page = followWithinKeycloak(browser, browser.get(uri));
        HttpResponse<String> answer = followWithinKeycloak(browser, browser.submitLogin(page, username, password));
        String html = answer.body();
        String action = LoginBrowser.firstFormAction(html).orElse("");
        return LoginBrowser.inputValue(html, "SAMLResponse")
                .filter(value -> action.equals(acsUrl))
                .orElseThrow(() -> new IllegalStateException("no SAMLResponse form posting to " + acsUrl
                        + " (HTTP " + answer.statusCode() + "): " + LoginBrowser.describe(html)));
    }

    /** Claims of a JWT, signature NOT checked. Same as {@link JwtClaims#decodeJwtClaims(String)}. */
    public static JsonNode decodeJwtClaims(String jwt) {
        return JwtClaims.decodeJwtClaims(jwt);
    }

    private HttpResponse<String> followWithinKeycloak(LoginBrowser browser, HttpResponse<String> response) {
        for (int i = 0; i < 10 && LoginBrowser.isRedirect(response); i++) {
            URI next = response.uri().resolve(LoginBrowser.location(response));
            if (!next.toString().startsWith(baseUrl + "/")) {
                return response; // leaving Keycloak: that is the answer to the caller
            }
            response = browser.get(next);
        }
        return response;
    }

    private Map<String, String> clientForm(String grantType) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", grantType);
        form.put("client_id", OIDC_CLIENT_ID);
        form.put("client_secret", OIDC_CLIENT_SECRET);
        return form;
    }

    private TokenResponse tokenRequest(Map<String, String> form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint())).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(LoginBrowser.formEncode(form))).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint (" + form.get("grant_type") + ") answered HTTP "
                    + response.statusCode() + ": " + response.body());
        }
        try {
            JsonNode json = JSON.readTree(response.body());
            return new TokenResponse(text(json, "id_token"), text(json, "access_token"), text(json, "refresh_token"));
        } catch (IOException e) {
            throw new UncheckedIOException("token response is not JSON", e);
        }
    }

    private boolean realmAnswers() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(issuerUrl() + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return send(request).statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String getOk(String url) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.uri(), e);
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

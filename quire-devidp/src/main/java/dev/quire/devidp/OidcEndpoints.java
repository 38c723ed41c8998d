package dev.quire.devidp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** OIDC discovery, JWKS, the authorization endpoint, end-session and userinfo. */
final class OidcEndpoints {
    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    static final String JWKS_PATH = "/protocol/openid-connect/certs";
    static final String AUTHORIZE_PATH = "/protocol/openid-connect/auth";
    static final String TOKEN_PATH = "/protocol/openid-connect/token";
    static final String USERINFO_PATH = "/protocol/openid-connect/userinfo";
    static final String LOGOUT_PATH = "/protocol/openid-connect/logout";
    /** RFC 7636 §4.2: BASE64URL(SHA256(verifier)) is always 43 characters. */
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    static final ObjectMapper JSON = new ObjectMapper();

    private final IdpContext idp;
    private final LoginFlow login;

    OidcEndpoints(IdpContext idp, LoginFlow login) {
        this.idp = idp;
        this.login = login;
    }

    void discovery(Exchange x) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", idp.issuer);
        doc.put("authorization_endpoint", idp.url(AUTHORIZE_PATH));
        doc.put("token_endpoint", idp.url(TOKEN_PATH));
        doc.put("userinfo_endpoint", idp.url(USERINFO_PATH));
        doc.put("end_session_endpoint", idp.url(LOGOUT_PATH));
        doc.put("jwks_uri", idp.url(JWKS_PATH));
        doc.put("response_types_supported", List.of("code"));
        doc.put("response_modes_supported", List.of("query"));
        doc.put("grant_types_supported", List.of("authorization_code", "password"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("scopes_supported", List.of("openid", "email", "profile"));
        doc.put("claims_supported", List.of("iss", "sub", "aud", "azp", "exp", "iat", "auth_time", "nonce", "email",
                "email_verified", "name", "preferred_username", "groups", IdTokens.AWS_TAGS_CLAIM));
        doc.put("authorization_response_iss_parameter_supported", true);
        x.sendJson(200, JSON.writeValueAsString(doc));
    }

    void jwks(Exchange x) throws IOException {
        x.sendJson(200, JSON.writeValueAsString(Map.of("keys", List.of(idp.keys.jwk.toPublicJWK().toJSONObject()))));
    }

    /**
     * Validates the request before showing anything. An unknown client or a redirect URI outside the
     * client's patterns gets an error page, never a redirect (RFC 6749 §4.1.2.1); other errors are
     * sent back to the now trusted redirect URI.
     */
    void authorize(Exchange x) throws IOException {
        Map<String, String> q = x.query();
        DevOidcClient client = q.get("client_id") == null ? null : idp.clients.get(q.get("client_id"));
        if (client == null) {
            throw HttpError.badRequest("Unknown client.");
        }
        String redirectUri = q.get("redirect_uri");
        if (!RedirectPattern.anyMatches(client.redirectUriPatterns(), redirectUri)) {
            throw HttpError.badRequest("Invalid redirect_uri for this client.");
        }
        String state = q.get("state");
        if (!"code".equals(q.get("response_type"))) {
            redirectError(x, redirectUri, state, "unsupported_response_type", "only response_type=code is supported");
            return;
        }
        String challenge = q.get("code_challenge");
        String method = q.get("code_challenge_method");
        if (challenge != null && (!"S256".equals(method) || !S256_CHALLENGE.matcher(challenge).matches())) {
            redirectError(x, redirectUri, state, "invalid_request", "PKCE requires code_challenge_method=S256 and a 43-character challenge");
            return;
        }
        if (challenge == null && method != null) {
            redirectError(x, redirectUri, state, "invalid_request", "code_challenge_method without code_challenge");
            return;
        }
        String scope = q.getOrDefault("scope", "openid");
        login.showLogin(x, new PendingLogin.OidcRequest(client.clientId(), redirectUri, state, q.get("nonce"),
                challenge, scope), client.clientId());
    }

    private void redirectError(Exchange x, String redirectUri, String state, String error, String description)
            throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        if (state != null) {
            params.put("state", state);
        }
        x.redirect(LoginFlow.withQuery(redirectUri, params));
    }

    /**
     * RP-initiated logout. Redirects only to a post-logout URI allowed for the client named by
     * {@code client_id} or by the audience of a valid {@code id_token_hint}.
     */
    void logout(Exchange x) throws IOException {
        Map<String, String> p = "POST".equals(x.method()) ? x.form() : x.query();
        String target = p.get("post_logout_redirect_uri");
        DevOidcClient client = null;
        if (p.get("id_token_hint") != null) {
            JWTClaimsSet hint = idp.idTokens.ownTokenClaims(p.get("id_token_hint"));
            if (hint == null) {
                throw HttpError.badRequest("Invalid id_token_hint.");
            }
            client = hint.getAudience().isEmpty() ? null : idp.clients.get(hint.getAudience().get(0));
        }
        if (p.get("client_id") != null) {
            DevOidcClient named = idp.clients.get(p.get("client_id"));
            if (named == null || (client != null && client != named)) {
                throw HttpError.badRequest("Unknown client_id, or one that does not match id_token_hint.");
            }
            client = named;
        }
        if (target != null && (client == null || !RedirectPattern.anyMatches(client.redirectUriPatterns(), target))) {
            throw HttpError.badRequest("Invalid post_logout_redirect_uri.");
        }
        IdpContext.SsoSession session = idp.session(x);
        idp.endSession(x);
        DevIdpLog.info("signed out{}", session == null ? " (no session)" : " user '" + session.username() + "'");
        if (target == null) {
            x.sendHtml(200, Html.message("Signed out", "You are signed out of the development IdP."), null);
            return;
        }
        x.redirect(p.get("state") == null ? target : LoginFlow.withQuery(target, Map.of("state", p.get("state"))));
    }

    void userinfo(Exchange x) throws IOException {
        String authorization = x.header("Authorization");
        IdpContext.AccessGrant grant = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? idp.accessTokens.get(authorization.substring(7).strip()) : null;
        DevUser user = grant == null ? null : idp.users.get(grant.username());
        if (user == null) {
            x.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new HttpError(401, "invalid_token", "missing, unknown or expired access token");
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", IdTokens.subjectOf(user));
        claims.put("email", user.email());
        claims.put("email_verified", true);
        claims.put("name", user.displayName());
        claims.put("preferred_username", user.username());
        if (!user.groups().isEmpty()) {
            claims.put("groups", user.groups());
        }
        x.sendJson(200, JSON.writeValueAsString(claims));
    }
}

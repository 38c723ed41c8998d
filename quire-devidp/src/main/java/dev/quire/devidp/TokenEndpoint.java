package dev.quire.devidp;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The token endpoint: authorization_code (with PKCE) and password grants for confidential clients
 * authenticated by client_secret_basic or client_secret_post (one method per request).
 */
final class TokenEndpoint {
    /** RFC 7636 §4.1: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private final IdpContext idp;

    TokenEndpoint(IdpContext idp) {
        this.idp = idp;
    }

    void token(Exchange x) throws IOException {
        if (!"POST".equals(x.method())) {
            throw new HttpError(405, "invalid_request", "use POST");
        }
        Map<String, String> form = x.form();
        DevOidcClient client = authenticateClient(x, form);
        String grantType = form.get("grant_type");
        if ("authorization_code".equals(grantType)) {
            exchangeCode(x, client, form);
        } else if ("password".equals(grantType)) {
            DevUser user = idp.authenticate(form.get("username"), form.get("password"));
            if (user == null) {
                DevIdpLog.info("password grant refused for username '{}'", LoginFlow.printable(form.get("username")));
                throw new HttpError(400, "invalid_grant", "Invalid user credentials");
            }
            DevIdpLog.info("password grant: user '{}' for client '{}'", user.username(), client.clientId());
            respond(x, client, user, null, form.getOrDefault("scope", "openid"), idp.now());
        } else {
            throw new HttpError(400, "unsupported_grant_type", "supported: authorization_code, password");
        }
    }

    private void exchangeCode(Exchange x, DevOidcClient client, Map<String, String> form) throws IOException {
        // Taken, not read: a code works once, and a failed attempt burns it too (RFC 6749 §4.1.2).
        IdpContext.IssuedCode code = idp.codes.take(form.get("code"));
        if (code == null) {
            throw new HttpError(400, "invalid_grant", "Code not valid");
        }
        if (!code.clientId().equals(client.clientId())) {
            throw new HttpError(400, "invalid_grant", "Code was issued to another client");
        }
        if (!code.redirectUri().equals(form.get("redirect_uri"))) {
            throw new HttpError(400, "invalid_grant", "Incorrect redirect_uri");
        }
        String verifier = form.get("code_verifier");
        if (code.codeChallenge() != null) {
            if (verifier == null || !VERIFIER.matcher(verifier).matches()
                    || !Secrets.constantTimeEquals(Secrets.s256(verifier), code.codeChallenge())) {
                throw new HttpError(400, "invalid_grant", "PKCE verification failed");
            }
        } else if (verifier != null) {
            throw new HttpError(400, "invalid_grant", "code_verifier sent but no code_challenge was given");
        }
        DevUser user = idp.users.get(code.username());
        respond(x, client, user, code.nonce(), code.scope(), code.authTime());
    }

    private void respond(Exchange x, DevOidcClient client, DevUser user, String nonce, String scope,
                         java.time.Instant authTime) throws IOException {
        String accessToken = Secrets.token();
        idp.accessTokens.put(accessToken, new IdpContext.AccessGrant(user.username(), client.clientId(), scope),
                idp.now().plus(IdTokens.LIFETIME));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("token_type", "Bearer");
        body.put("expires_in", IdTokens.LIFETIME.toSeconds());
        body.put("id_token", idp.idTokens.mint(user, client.clientId(), nonce, authTime));
        body.put("scope", scope);
        x.sendJson(200, OidcEndpoints.JSON.writeValueAsString(body));
    }

    /** RFC 6749 §2.3.1; Basic credentials are form-urlencoded before base64, so they are decoded here. */
    private DevOidcClient authenticateClient(Exchange x, Map<String, String> form) {
        String authorization = x.header("Authorization");
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        String id;
        String secret;
        if (basic) {
            if (form.containsKey("client_secret")) {
                throw HttpError.badRequest("use one client authentication method only");
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    throw invalidClient(x, true);
                }
                id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw invalidClient(x, true);
            }
            if (form.containsKey("client_id") && !form.get("client_id").equals(id)) {
                throw HttpError.badRequest("client_id does not match the Authorization header");
            }
        } else {
            id = form.get("client_id");
            secret = form.get("client_secret");
        }
        DevOidcClient client = id == null ? null : idp.clients.get(id);
        boolean matches = Secrets.constantTimeEquals(secret, client == null ? null : client.secret());
        if (client == null || !matches) {
            throw invalidClient(x, basic);
        }
        return client;
    }

    private static HttpError invalidClient(Exchange x, boolean basic) {
        if (basic) {
            x.header("WWW-Authenticate", "Basic realm=\"devidp\"");
        }
        return new HttpError(401, "invalid_client", "Invalid client or Invalid client credentials");
    }
}

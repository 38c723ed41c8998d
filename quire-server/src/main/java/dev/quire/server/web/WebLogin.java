package dev.quire.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.core.qbusiness.webexperience.WebIdentityProvider;
import dev.quire.core.secrets.Secrets;
import dev.quire.identity.iam.IamDirectory;
import dev.quire.identity.iam.OidcProviderRecord;
import dev.quire.identity.sts.DecisionListener;
import dev.quire.identity.sts.IssuedSession;
import dev.quire.identity.sts.SamlSession;
import dev.quire.identity.sts.StsService;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import dev.quire.spi.error.ApiError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in and out of a hosted web experience. OIDC: authorization code with state (bound to a
 * pre-login cookie), nonce and PKCE; the client secret comes from the web experience's Secrets
 * Manager secret, read only when its secretsRole is allowed to. SAML: the IdP posts the response
 * to {@code <endpoint>saml}, IdP-initiated or after an AuthnRequest (see {@link SamlSignInStart});
 * a response naming a request (InResponseTo) must name the one bound to this browser's SAML request
 * cookie, once. Both end in the STS call the API uses, with the web experience's role.
 */
final class WebLogin {
    static final String SESSION_COOKIE = "quire_session";
    static final String LOGIN_COOKIE = "quire_login";
    /** Holds (an opaque handle to) the ID of the AuthnRequest an SP-initiated SAML sign-in sent. */
    static final String SAML_REQUEST_COOKIE = "quire_saml_request";
    /** The page a browser lands on after signing out when the IdP has no logout endpoint to visit. */
    static final String SIGNED_OUT = "signed-out";

    private final WebSessions sessions;
    private final OidcClient oidc;
    private final IamDirectory iam;
    private final StsService sts;
    private final Secrets secrets;
    private final WebPermissions permissions;
    private final SamlSignInStart samlStart;

    WebLogin(WebSessions sessions, OidcClient oidc, IamDirectory iam, StsService sts, Secrets secrets,
             WebPermissions permissions) {
        this.sessions = sessions;
        this.oidc = oidc;
        this.iam = iam;
        this.sts = sts;
        this.secrets = secrets;
        this.permissions = permissions;
        this.samlStart = new SamlSignInStart(iam);
    }

    /** Sends the browser to its identity provider. */
    WireResponse begin(WebTarget t) {
        WebIdentityProvider idp = t.experience().settings().identityProvider();
        if (idp == null) {
            return WebHttp.text(503, "This web experience has no identity provider configured yet.");
        }
        if (idp.saml()) {
            return samlBegin(t, idp.samlAuthenticationUrl());
        }
        OidcClient.Endpoints endpoints = oidc.discover(providerUrl(t));
        WebSessions.PendingLogin login = new WebSessions.PendingLogin(t.id(), sessions.randomToken(),
                sessions.randomToken(), sessions.randomToken(), sessions.loginDeadline());
        String cookie;
        try {
            cookie = sessions.beginLogin(t.app().applicationId(), login);
        } catch (WebSessions.TooManyPendingSignIns e) {
            return tooManySignIns(e);
        }
        WireResponse r = WebHttp.redirect(OidcClient.authorizationUrl(endpoints, clientId(t), t.callbackUri(),
                login.state(), login.nonce(), login.codeVerifier()));
        r.headers().add("Set-Cookie", WebHttp.setCookie(LOGIN_COOKIE, cookie, t.path(), t.secure(),
                WebSessions.LOGIN_TTL_SECONDS));
        return r;
    }

    /** {@code GET <endpoint>authorization-code/callback?code=…&state=…} */
    WireResponse oidcCallback(WebTarget t, WireRequest request) {
        WebIdentityProvider idp = t.experience().settings().identityProvider();
        if (idp == null || idp.saml()) {
            return WebHttp.text(404, "This web experience does not sign in with OpenID Connect.");
        }
        Map<String, String> q = WebHttp.form(request.rawQuery());
        Optional<WebSessions.PendingLogin> pending = sessions.takeLogin(WebHttp.cookie(request, LOGIN_COOKIE));
        if (pending.isEmpty() || !pending.get().webExperienceId().equals(t.id())
                || !constantTimeEquals(pending.get().state(), q.get("state"))) {
            return failed(t, 400, "The sign-in response does not belong to a sign-in started in this browser.");
        }
        if (q.get("error") != null || q.get("code") == null) {
            return failed(t, 400, "The identity provider did not sign you in: " + q.getOrDefault("error", "no code"));
        }
        String roleArn = t.experience().settings().roleArn();
        String secretArn = idp.oidcSecretsArn();
        if (!permissions.roleMay(idp.oidcSecretsRole(), "secretsmanager:GetSecretValue", secretArn)) {
            return failed(t, 403, "The web experience's secretsRole may not read its OIDC client secret.");
        }
        String clientSecret = clientSecret(secretArn);
        OidcClient.Endpoints endpoints = oidc.discover(providerUrl(t));
        String idToken = oidc.exchange(endpoints, clientId(t), clientSecret, q.get("code"), t.callbackUri(),
                pending.get().codeVerifier()).orElse(null);
        if (idToken == null) {
            return failed(t, 502, "The identity provider returned no ID token.");
        }
        JsonNode claims = OidcClient.payload(idToken);
        if (!constantTimeEquals(pending.get().nonce(), claims.path("nonce").asText(null))) {
            return failed(t, 400, "The ID token's nonce does not match this sign-in.");
        }
        IssuedSession issued = sts.assumeRoleWithWebIdentity(roleArn, "web-" + sessions.randomToken().substring(0, 20),
                idToken, null, DecisionListener.NONE).session();
        return signedIn(t, issued, idToken);
    }

    /** {@code POST <endpoint>saml} with the form field SAMLResponse (IdP- or SP-initiated). */
    WireResponse saml(WebTarget t, WireRequest request) {
        WebIdentityProvider idp = t.experience().settings().identityProvider();
        if (idp == null || !idp.saml()) {
            return WebHttp.text(404, "This web experience does not sign in with SAML.");
        }
        String response = WebHttp.form(new String(request.body(), StandardCharsets.UTF_8)).get("SAMLResponse");
        if (response == null || response.isBlank()) {
            return WebHttp.text(400, "The sign-in POST carries no SAMLResponse.");
        }
        SamlSession saml = sts.assumeRoleWithSaml(t.experience().settings().roleArn(),
                t.app().iamIdentityProviderArn(), response, null, DecisionListener.NONE);
        // The trust policy may allow several SAML:aud values (the seed's also allows the sign-in URL
        // and a custom app's ACS); SAML's Web SSO profile still requires this ACS to accept only
        // assertions addressed to itself, or a response meant for another app signs in here.
        if (!samlAcs(t).equals(saml.audience())) {
            return failed(t, 403, "The SAML response is addressed to " + saml.audience() + ", not to " + samlAcs(t) + ".");
        }
        if (saml.inResponseTo().unsolicited()) {
            return signedIn(t, saml.session(), null); // IdP-initiated, as Amazon Q Business accepts it
        }
        // It answers an AuthnRequest: one this browser was sent with and has not yet brought back
        // (SAML Web Browser SSO profile §4.1.4.3), else a response meant for someone else's sign-in,
        // or for another SP's request, would sign this browser in.
        Optional<WebSessions.PendingSamlRequest> bound = sessions
                .takeSamlRequest(WebHttp.cookie(request, SAML_REQUEST_COOKIE))
                .filter(p -> p.webExperienceId().equals(t.id()));
        if (!saml.inResponseTo().consistent()) {
            return samlFailed(t, "The SAML response and its assertion answer different requests.");
        }
        if (bound.isEmpty()) {
            return samlFailed(t, "The SAML response answers a sign-in request that was not started in this browser"
                    + " (or was already answered, or expired).");
        }
        if (!saml.inResponseTo().answers(bound.get().requestId())) {
            return samlFailed(t, "The SAML response answers another sign-in request than the one"
                    + " started in this browser.");
        }
        WireResponse r = signedIn(t, saml.session(), null);
        r.headers().add("Set-Cookie", clearSamlRequestCookie(t));
        return r;
    }

    /** Sends the browser to the IdP; an SP-initiated start binds its AuthnRequest ID to this browser. */
    private WireResponse samlBegin(WebTarget t, String authenticationUrl) {
        SamlSignInStart.Start start = samlStart.start(t, authenticationUrl, sessions.randomToken(), sessions.now());
        WireResponse r = WebHttp.redirect(start.url());
        if (start.requestId() != null) {
            String cookie;
            try {
                cookie = sessions.bindSamlRequest(t.app().applicationId(),
                        new WebSessions.PendingSamlRequest(t.id(), start.requestId(), sessions.loginDeadline()));
            } catch (WebSessions.TooManyPendingSignIns e) {
                return tooManySignIns(e);
            }
            // Only the ACS needs it, and it must come back on the IdP's cross-site POST there.
            r.headers().add("Set-Cookie", WebHttp.setCrossSiteCookie(SAML_REQUEST_COOKIE, cookie, samlAcsPath(t),
                    t.secure(), WebSessions.LOGIN_TTL_SECONDS));
        }
        return r;
    }

    /** 503 with Retry-After: the browser (or its user) should simply try again shortly. */
    private static WireResponse tooManySignIns(WebSessions.TooManyPendingSignIns e) {
        WireResponse r = WebHttp.text(503, e.getMessage());
        r.headers().add("Retry-After", "60");
        return r;
    }

    private WireResponse samlFailed(WebTarget t, String message) {
        WireResponse r = failed(t, 400, message);
        r.headers().add("Set-Cookie", clearSamlRequestCookie(t));
        return r;
    }

    private static String clearSamlRequestCookie(WebTarget t) {
        return WebHttp.setCrossSiteCookie(SAML_REQUEST_COOKIE, "", samlAcsPath(t), t.secure(), 0);
    }

    /** e.g. {@code /web/<id>/saml}: the SAML request cookie goes to the ACS only. */
    static String samlAcsPath(WebTarget t) {
        return t.path() + "saml";
    }

    /** The web experience's assertion consumer service: {@code <defaultEndpoint>saml}. */
    static String samlAcs(WebTarget t) {
        return t.endpoint() + "saml";
    }

    /**
     * Deletes the session; for OIDC, tells the page where the IdP ends its own session. For SAML the
     * page goes to {@code signed-out}, not to the endpoint: the endpoint would send the browser to the
     * IdP, whose own session would sign it straight back in.
     */
    WireResponse logout(WebTarget t, String cookie, WebSessions.Session session) {
        sessions.delete(cookie);
        String redirect = t.endpoint() + SIGNED_OUT;
        WebIdentityProvider idp = t.experience().settings().identityProvider();
        if (idp != null && !idp.saml()) {
            String endSession = oidc.discover(providerUrl(t)).endSession();
            if (endSession != null) {
                Map<String, String> q = new java.util.LinkedHashMap<>();
                q.put("client_id", clientId(t));
                if (session.idToken() != null) {
                    q.put("id_token_hint", session.idToken());
                }
                redirect = endSession + (endSession.contains("?") ? "&" : "?") + WebHttp.formEncode(q);
            }
        }
        WireResponse r = WebHttp.json(200, Map.of("redirect", redirect));
        r.headers().add("Set-Cookie", WebHttp.setCookie(SESSION_COOKIE, "", t.path(), t.secure(), 0));
        return r;
    }

    private WireResponse signedIn(WebTarget t, IssuedSession issued, String idToken) {
        String cookie = sessions.create(t.id(), t.app().applicationId(), issued.claims(), idToken);
        long seconds = Math.max(1, issued.claims().expiresAt().getEpochSecond() - sessions.now().getEpochSecond());
        WireResponse r = WebHttp.redirect(t.endpoint());
        r.headers().add("Set-Cookie", WebHttp.setCookie(SESSION_COOKIE, cookie, t.path(), t.secure(), seconds));
        r.headers().add("Set-Cookie", WebHttp.setCookie(LOGIN_COOKIE, "", t.path(), t.secure(), 0));
        return r;
    }

    private WireResponse failed(WebTarget t, int status, String message) {
        WireResponse r = WebHttp.text(status, "Sign-in failed: " + message + "\nStart again at " + t.endpoint());
        r.headers().add("Set-Cookie", WebHttp.setCookie(LOGIN_COOKIE, "", t.path(), t.secure(), 0));
        return r;
    }

    private String clientSecret(String secretArn) {
        try {
            JsonNode value = WebHttp.JSON.readTree(secrets.currentValue(secretArn).value().string());
            String secret = value.path("client_secret").asText(null);
            if (secret == null) {
                throw new IllegalStateException("The OIDC secret has no client_secret member.");
            }
            return secret;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The OIDC secret is not JSON {\"client_secret\": …}.");
        }
    }

    private String providerUrl(WebTarget t) {
        String arn = t.app().iamIdentityProviderArn();
        return iam.oidcProviderByArn(arn == null ? "" : arn).map(OidcProviderRecord::url)
                .orElseThrow(() -> new ApiError(dev.quire.spi.error.ErrorCode.RESOURCE_NOT_FOUND,
                        "The application's OIDC provider " + arn + " does not exist in IAM."));
    }

    private static String clientId(WebTarget t) {
        if (t.app().clientIdsForOIDC().isEmpty()) {
            throw new IllegalStateException("The application has no clientIdsForOIDC.");
        }
        return t.app().clientIdsForOIDC().get(0);
    }

    static boolean constantTimeEquals(String expected, String actual) {
        return expected != null && actual != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}

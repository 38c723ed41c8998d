package dev.quire.devidp;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The browser sign-in shared by OIDC and SAML: shows the form for an already validated request,
 * checks the posted credentials (or the one-click "continue" of an existing session), then
 * finishes the protocol: a code redirect for OIDC, an auto-posting SAMLResponse for SAML.
 */
final class LoginFlow {
    static final String AUTHENTICATE_PATH = "/login-actions/authenticate";
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final IdpContext idp;

    LoginFlow(IdpContext idp) {
        this.idp = idp;
    }

    void showLogin(Exchange x, PendingLogin.Request request, String audience) throws IOException {
        String binding = x.cookie(IdpContext.LOGIN_COOKIE);
        if (binding == null || !TOKEN_SHAPE.matcher(binding).matches()) {
            binding = Secrets.token();
            x.setCookie(IdpContext.LOGIN_COOKIE, binding, idp.realmPath() + "/", IdpContext.LOGIN_TIMEOUT.toSeconds());
        }
        PendingLogin login = new PendingLogin(binding, request, idp.now().plus(IdpContext.LOGIN_TIMEOUT));
        idp.logins.put(login.id, login, login.expiresAt);
        renderForm(x, 200, login, audience, null);
    }

    /** POST of the login form. */
    void authenticate(Exchange x) throws IOException {
        if (!"POST".equals(x.method())) {
            throw new HttpError(405, "invalid_request", "use POST");
        }
        Map<String, String> form = x.form();
        PendingLogin login = idp.logins.get(form.get("tx"));
        if (login == null) {
            throw HttpError.badRequest("This sign-in has expired or was already used. Start again from the application.");
        }
        if (!Secrets.constantTimeEquals(x.cookie(IdpContext.LOGIN_COOKIE), login.browserBinding)
                || !Secrets.constantTimeEquals(form.get("csrf"), login.csrfToken)) {
            throw new HttpError(403, "access_denied", "The sign-in form did not come from this browser session.");
        }
        DevUser user;
        if ("continue".equals(form.get("action"))) {
            IdpContext.SsoSession session = idp.session(x);
            user = session == null ? null : idp.users.get(session.username());
            if (user == null) {
                renderForm(x, 401, login, audienceOf(login.request), "Your session has ended; sign in again.");
                return;
            }
        } else {
            user = idp.authenticate(form.get("username"), form.get("password"));
            if (user == null) {
                if (login.failedAttempts.incrementAndGet() >= PendingLogin.MAX_PASSWORD_ATTEMPTS) {
                    idp.logins.remove(login.id);
                    DevIdpLog.warn("too many failed sign-ins for one request; it was cancelled");
                    throw HttpError.badRequest("Too many failed attempts. Start again from the application.");
                }
                DevIdpLog.info("failed sign-in for username '{}'", printable(form.get("username")));
                renderForm(x, 401, login, audienceOf(login.request), "Invalid username or password.");
                return;
            }
        }
        if (idp.logins.take(login.id) == null) {
            throw HttpError.badRequest("This sign-in was already completed.");
        }
        IdpContext.SsoSession session = "continue".equals(form.get("action")) ? idp.session(x) : null;
        if (session == null) {
            session = idp.startSession(x, user);
        }
        DevIdpLog.info("user '{}' signed in for {}", user.username(), printable(audienceOf(login.request)));
        if (login.request instanceof PendingLogin.OidcRequest oidc) {
            finishOidc(x, oidc, user, session);
        } else if (login.request instanceof PendingLogin.SamlRequest saml) {
            finishSaml(x, saml, user, session);
        }
    }

    private void finishOidc(Exchange x, PendingLogin.OidcRequest request, DevUser user, IdpContext.SsoSession session)
            throws IOException {
        String code = Secrets.token();
        idp.codes.put(code, new IdpContext.IssuedCode(request.clientId(), request.redirectUri(), user.username(),
                request.nonce(), request.codeChallenge(), request.scope(), session.authTime()),
                idp.now().plus(IdpContext.CODE_LIFETIME));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        if (request.state() != null) {
            params.put("state", request.state());
        }
        params.put("iss", idp.issuer);
        x.redirect(withQuery(request.redirectUri(), params));
    }

    private void finishSaml(Exchange x, PendingLogin.SamlRequest request, DevUser user, IdpContext.SsoSession session)
            throws IOException {
        DevSamlServiceProvider sp = idp.serviceProviders.get(request.spEntityId());
        String response = idp.samlResponses.signedResponse(user, sp, request.acsUrl(), request.inResponseTo(),
                session.sessionIndex());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("SAMLResponse", response);
        if (request.relayState() != null) {
            fields.put("RelayState", request.relayState());
        }
        String nonce = Secrets.token();
        x.sendHtml(200, Html.autoPost(request.acsUrl(), fields, nonce), nonce);
    }

    private void renderForm(Exchange x, int status, PendingLogin login, String audience, String error) throws IOException {
        IdpContext.SsoSession session = idp.session(x);
        String continueAs = session == null ? null : idp.users.get(session.username()).displayName();
        x.sendHtml(status, Html.loginPage(idp.realm, audience, idp.url(AUTHENTICATE_PATH), login.id, login.csrfToken,
                continueAs, error), null);
    }

    private static String audienceOf(PendingLogin.Request request) {
        if (request instanceof PendingLogin.OidcRequest oidc) {
            return oidc.clientId();
        }
        return ((PendingLogin.SamlRequest) request).spEntityId();
    }

    static String withQuery(String uri, Map<String, String> params) {
        StringBuilder out = new StringBuilder(uri).append(uri.contains("?") ? '&' : '?');
        params.forEach((k, v) -> out.append(Exchange.encode(k)).append('=').append(Exchange.encode(v)).append('&'));
        return out.substring(0, out.length() - 1);
    }

    /** Keeps user-supplied text from forging log lines. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        String clean = text.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
    }
}

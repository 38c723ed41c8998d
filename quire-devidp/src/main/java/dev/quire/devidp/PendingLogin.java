package dev.quire.devidp;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sign-in in progress: the already validated protocol request waiting for credentials. The
 * form must come back with {@code csrfToken} from the browser holding {@code browserBinding} in its
 * login cookie, so a third-party page cannot submit a login (login CSRF).
 */
final class PendingLogin {
    /** What the user is signing in for; validated before the login form is shown. */
    sealed interface Request permits OidcRequest, SamlRequest {
    }

    record OidcRequest(String clientId, String redirectUri, String state, String nonce, String codeChallenge,
                       String scope) implements Request {
    }

    record SamlRequest(String spEntityId, String acsUrl, String inResponseTo, String relayState) implements Request {
    }

    static final int MAX_PASSWORD_ATTEMPTS = 5;

    final String id = Secrets.token();
    final String csrfToken = Secrets.token();
    final String browserBinding;
    final Request request;
    final Instant expiresAt;
    final AtomicInteger failedAttempts = new AtomicInteger();

    PendingLogin(String browserBinding, Request request, Instant expiresAt) {
        this.browserBinding = browserBinding;
        this.request = request;
        this.expiresAt = expiresAt;
    }
}

package dev.quire.devidp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Everything the endpoints share: configuration, keys, token makers and the short-lived state. */
final class IdpContext {
    static final String LOGIN_COOKIE = "DEVIDP_LOGIN";
    static final String SESSION_COOKIE = "DEVIDP_SESSION";
    static final Duration LOGIN_TIMEOUT = Duration.ofMinutes(10);
    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    static final Duration SESSION_LIFETIME = Duration.ofHours(8);
    /** A fixed secret to compare against when the username is unknown, so both cases take the same time. */
    private static final String ABSENT_USER_PASSWORD = Secrets.token();

    record SsoSession(String username, Instant authTime, String sessionIndex) {
    }

    record IssuedCode(String clientId, String redirectUri, String username, String nonce, String codeChallenge,
                      String scope, Instant authTime) {
    }

    record AccessGrant(String username, String clientId, String scope) {
    }

    final String realm;
    final String issuer;
    final Map<String, DevUser> users;
    final Map<String, DevOidcClient> clients;
    final Map<String, DevSamlServiceProvider> serviceProviders;
    final SigningKeys keys;
    final Clock clock;
    final IdTokens idTokens;
    final SamlResponses samlResponses;
    final ExpiringStore<PendingLogin> logins;
    final ExpiringStore<SsoSession> sessions;
    final ExpiringStore<IssuedCode> codes;
    final ExpiringStore<AccessGrant> accessTokens;

    IdpContext(String realm, String issuer, Map<String, DevUser> users, Map<String, DevOidcClient> clients,
               Map<String, DevSamlServiceProvider> serviceProviders, SigningKeys keys, Clock clock) {
        this.realm = realm;
        this.issuer = issuer;
        this.users = Map.copyOf(users);
        this.clients = Map.copyOf(clients);
        this.serviceProviders = Map.copyOf(serviceProviders);
        this.keys = keys;
        this.clock = clock;
        this.idTokens = new IdTokens(issuer, keys, clock);
        this.samlResponses = new SamlResponses(issuer, keys, clock);
        this.logins = new ExpiringStore<>(clock);
        this.sessions = new ExpiringStore<>(clock);
        this.codes = new ExpiringStore<>(clock);
        this.accessTokens = new ExpiringStore<>(clock);
    }

    /** The realm's path prefix, e.g. {@code /realms/quire}; cookies are scoped to it. */
    String realmPath() {
        return "/realms/" + realm;
    }

    String url(String pathUnderRealm) {
        return issuer + pathUnderRealm;
    }

    Instant now() {
        return clock.instant();
    }

    /** The user whose password matches, or null; the same work is done whether or not the user exists. */
    DevUser authenticate(String username, String password) {
        DevUser user = username == null ? null : users.get(username);
        boolean matches = Secrets.constantTimeEquals(password, user == null ? ABSENT_USER_PASSWORD : user.password());
        return user != null && matches ? user : null;
    }

    /** The user signed in at this IdP in this browser, or null. */
    SsoSession session(Exchange x) {
        SsoSession session = sessions.get(x.cookie(SESSION_COOKIE));
        return session != null && users.containsKey(session.username()) ? session : null;
    }

    SsoSession startSession(Exchange x, DevUser user) {
        sessions.remove(x.cookie(SESSION_COOKIE)); // a fresh id per login: no session fixation
        String id = Secrets.token();
        SsoSession session = new SsoSession(user.username(), now(), "idx_" + Secrets.token());
        sessions.put(id, session, now().plus(SESSION_LIFETIME));
        x.setCookie(SESSION_COOKIE, id, realmPath() + "/", SESSION_LIFETIME.toSeconds());
        return session;
    }

    void endSession(Exchange x) {
        sessions.remove(x.cookie(SESSION_COOKIE));
        x.setCookie(SESSION_COOKIE, "", realmPath() + "/", 0);
    }
}

package dev.quire.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.quire.identity.credentials.SessionClaims;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Browser sessions of hosted web experiences, kept in the metadata store (kind {@value #KIND},
 * scope {@code app/<app>}) so any node can serve them. The browser holds only a random 256-bit
 * value; the store id is its SHA-256, so a leaked store row cannot be replayed as a cookie. The
 * session's credentials never leave the server: only the claims needed to act as the caller are
 * kept, and the secret access key is not stored at all. Pending logins (state, nonce, PKCE
 * verifier) are kept the same way under kind {@value #LOGIN_KIND}.
 */
final class WebSessions {
    static final String KIND = "web-session";
    static final String LOGIN_KIND = "web-login";
    static final long LOGIN_TTL_SECONDS = 600;

    /** What a signed-in browser session may act as. */
    record Session(String webExperienceId, String applicationId, String accountId, String roleArn, String roleId,
                   String sessionName, Map<String, String> tags, String federatedBy, Instant expiresAt,
                   String csrfToken, String idToken) {
    }

    /** A login in flight, bound to the pre-login cookie. */
    record PendingLogin(String webExperienceId, String state, String nonce, String codeVerifier, Instant expiresAt) {
    }

    private final MetadataStore store;
    private final SecureRandom random;
    private final Clock clock;

    WebSessions(MetadataStore store, SecureRandom random, Clock clock) {
        this.store = store;
        this.random = random;
        this.clock = clock;
    }

    /** Creates a session and returns the cookie value (the only copy of it). */
    String create(String webExperienceId, String applicationId, SessionClaims c, String idToken) {
        String cookie = randomToken();
        Session s = new Session(webExperienceId, applicationId, c.accountId(), c.roleArn(), c.roleId(),
                c.sessionName(), c.tags(), c.federatedBy(), c.expiresAt(), randomToken(), idToken);
        store.insert(KIND, storeId(cookie), "app/" + applicationId, write(s));
        return cookie;
    }

    /** The live session for this cookie and web experience; expired ones are deleted on sight. */
    Optional<Session> find(String cookie, String webExperienceId) {
        if (cookie == null || cookie.length() != 43) {
            return Optional.empty();
        }
        Optional<StoredEntity> e = store.get(KIND, storeId(cookie));
        if (e.isEmpty()) {
            return Optional.empty();
        }
        Session s = read(e.get().json(), Session.class);
        if (!clock.instant().isBefore(s.expiresAt())) {
            store.delete(KIND, storeId(cookie));
            return Optional.empty();
        }
        return s.webExperienceId().equals(webExperienceId) ? Optional.of(s) : Optional.empty();
    }

    void delete(String cookie) {
        if (cookie != null) {
            store.delete(KIND, storeId(cookie));
        }
    }

    /** Starts a login: returns the pre-login cookie value; the record holds state, nonce and verifier. */
    String beginLogin(String applicationId, PendingLogin login) {
        String cookie = randomToken();
        store.insert(LOGIN_KIND, storeId(cookie), "app/" + applicationId, write(login));
        return cookie;
    }

    /** Takes (and deletes: one use only) the pending login bound to this cookie, if still fresh. */
    Optional<PendingLogin> takeLogin(String cookie) {
        if (cookie == null || cookie.length() != 43) {
            return Optional.empty();
        }
        Optional<StoredEntity> e = store.get(LOGIN_KIND, storeId(cookie));
        if (e.isEmpty() || !store.delete(LOGIN_KIND, storeId(cookie))) {
            return Optional.empty();
        }
        PendingLogin p = read(e.get().json(), PendingLogin.class);
        return clock.instant().isBefore(p.expiresAt()) ? Optional.of(p) : Optional.empty();
    }

    Instant loginDeadline() {
        return clock.instant().plusSeconds(LOGIN_TTL_SECONDS);
    }

    Instant now() {
        return clock.instant();
    }

    /** 256 random bits, base64url without padding (43 characters). */
    String randomToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String storeId(String cookie) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(cookie.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object value) {
        try {
            return WebHttp.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return WebHttp.JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable web session record", e);
        }
    }
}

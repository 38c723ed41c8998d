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
 * verifier) are kept the same way under kind {@value #LOGIN_KIND}, and the AuthnRequest ID of an
 * SP-initiated SAML sign-in under {@value #SAML_REQUEST_KIND}: both are one-use and expire after
 * {@value #LOGIN_TTL_SECONDS} s.
 *
 * <p>Anyone may start a sign-in, so what a browser starts and abandons must not grow without bound:
 * every {@value #SWEEP_EVERY} starts (and sessions created) of an application sweep one page of its
 * expired records ({@link ExpiredRecordSweeper}), and an application holds at most
 * {@value #MAX_PENDING_PER_APPLICATION} unexpired pending sign-ins of each kind. At the limit the
 * whole kind is swept once; if it is still full, starts are refused ({@link TooManyPendingSignIns},
 * a 503 with Retry-After) for {@value #FULL_BACKOFF_SECONDS} s without sweeping again, so a flood
 * cannot make every request pay for a full sweep. Sign-ins already in flight still complete.
 */
final class WebSessions {
    static final String KIND = "web-session";
    static final String LOGIN_KIND = "web-login";
    static final String SAML_REQUEST_KIND = "web-saml-request";
    static final long LOGIN_TTL_SECONDS = 600;
    static final int SWEEP_EVERY = 32;
    static final int SWEEP_PAGE = 200;
    static final int MAX_PENDING_PER_APPLICATION = 10_000;
    static final long FULL_BACKOFF_SECONDS = 10;

    /** An application has as many unexpired pending sign-ins as it may hold; the browser should retry later. */
    static final class TooManyPendingSignIns extends RuntimeException {
        TooManyPendingSignIns(String applicationId) {
            super("Too many sign-ins are in progress for application " + applicationId
                    + "; try again in a minute.");
        }
    }

    /** What a signed-in browser session may act as. */
    record Session(String webExperienceId, String applicationId, String accountId, String roleArn, String roleId,
                   String sessionName, Map<String, String> tags, String federatedBy, Instant expiresAt,
                   String csrfToken, String idToken) {
    }

    /** Something a browser started and must bring back once, before it expires. */
    interface Pending {
        Instant expiresAt();
    }

    /** A login in flight, bound to the pre-login cookie. */
    record PendingLogin(String webExperienceId, String state, String nonce, String codeVerifier, Instant expiresAt)
            implements Pending {
    }

    /** The ID of the AuthnRequest an SP-initiated SAML sign-in sent, bound to the browser that was sent with it. */
    record PendingSamlRequest(String webExperienceId, String requestId, Instant expiresAt) implements Pending {
    }

    private final MetadataStore store;
    private final SecureRandom random;
    private final Clock clock;
    private final ExpiredRecordSweeper sweeper;
    private final int maxPending;
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
    /** (kind, scope) → until when starts are refused without sweeping again. */
    private final java.util.concurrent.ConcurrentHashMap<String, Instant> fullUntil =
            new java.util.concurrent.ConcurrentHashMap<>();

    WebSessions(MetadataStore store, SecureRandom random, Clock clock) {
        this(store, random, clock, MAX_PENDING_PER_APPLICATION);
    }

    /** @param maxPending unexpired pending sign-ins of one kind an application may hold (tests lower it) */
    WebSessions(MetadataStore store, SecureRandom random, Clock clock, int maxPending) {
        this.store = store;
        this.random = random;
        this.clock = clock;
        this.sweeper = new ExpiredRecordSweeper(store, clock, SWEEP_PAGE);
        this.maxPending = maxPending;
    }

    /** Creates a session and returns the cookie value (the only copy of it). */
    String create(String webExperienceId, String applicationId, SessionClaims c, String idToken) {
        String cookie = randomToken();
        Session s = new Session(webExperienceId, applicationId, c.accountId(), c.roleArn(), c.roleId(),
                c.sessionName(), c.tags(), c.federatedBy(), c.expiresAt(), randomToken(), idToken);
        maybeSweep(KIND, "app/" + applicationId);
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
        return begin(LOGIN_KIND, applicationId, login);
    }

    /** Takes (and deletes: one use only) the pending login bound to this cookie, if still fresh. */
    Optional<PendingLogin> takeLogin(String cookie) {
        return take(LOGIN_KIND, cookie, PendingLogin.class);
    }

    /** Binds an SP-initiated SAML request to a browser: returns the binding cookie's value. */
    String bindSamlRequest(String applicationId, PendingSamlRequest request) {
        return begin(SAML_REQUEST_KIND, applicationId, request);
    }

    /** Takes (and deletes: one use only) the SAML request bound to this cookie, if still fresh. */
    Optional<PendingSamlRequest> takeSamlRequest(String cookie) {
        return take(SAML_REQUEST_KIND, cookie, PendingSamlRequest.class);
    }

    private String begin(String kind, String applicationId, Pending pending) {
        String scope = "app/" + applicationId;
        maybeSweep(kind, scope);
        requireRoom(kind, scope, applicationId);
        String cookie = randomToken();
        store.insert(kind, storeId(cookie), scope, write(pending));
        return cookie;
    }

    private void maybeSweep(String kind, String scope) {
        if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
            sweeper.sweepPage(kind, scope, expiryOf(kind));
        }
    }

    /** Refuses a start when the application's pending sign-ins of this kind are at the limit even after a sweep. */
    private void requireRoom(String kind, String scope, String applicationId) {
        String key = kind + "\n" + scope;
        Instant now = clock.instant();
        Instant refusedUntil = fullUntil.get(key);
        if (refusedUntil != null && now.isBefore(refusedUntil)) {
            throw new TooManyPendingSignIns(applicationId);
        }
        if (store.count(kind, scope) < maxPending) {
            fullUntil.remove(key);
            return;
        }
        sweeper.sweepAll(kind, scope, expiryOf(kind));
        if (store.count(kind, scope) >= maxPending) {
            fullUntil.put(key, now.plusSeconds(FULL_BACKOFF_SECONDS));
            throw new TooManyPendingSignIns(applicationId);
        }
        fullUntil.remove(key);
    }

    private static java.util.function.Function<String, Instant> expiryOf(String kind) {
        Class<?> type = switch (kind) {
            case KIND -> Session.class;
            case LOGIN_KIND -> PendingLogin.class;
            case SAML_REQUEST_KIND -> PendingSamlRequest.class;
            default -> throw new IllegalArgumentException("not a web session kind: " + kind);
        };
        return json -> {
            Object record = read(json, type);
            return record instanceof Session s ? s.expiresAt() : ((Pending) record).expiresAt();
        };
    }

    /**
     * The browser holds only the random value; a cookie it altered hashes to no record. Deleting
     * before reading on means two requests racing with one cookie cannot both have it.
     */
    private <T extends Pending> Optional<T> take(String kind, String cookie, Class<T> type) {
        if (cookie == null || cookie.length() != 43) {
            return Optional.empty();
        }
        Optional<StoredEntity> e = store.get(kind, storeId(cookie));
        if (e.isEmpty() || !store.delete(kind, storeId(cookie))) {
            return Optional.empty();
        }
        T p = read(e.get().json(), type);
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

package dev.quire.identity.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing keys of OIDC issuers, found through {@code <issuer>/.well-known/openid-configuration}
 * and its {@code jwks_uri}, cached for a TTL. Keys are only ever fetched from the issuer's own
 * discovery document: nothing a token says (jku, x5u, x5c, jwk) leads here. A miss on a key id may
 * trigger one early refresh, at most once per {@link #minRefreshInterval} per issuer, so unknown-kid
 * tokens cannot make Quire hammer the IdP. A failed fetch is remembered for {@link #FAILURE_BACKOFF}:
 * during an IdP outage a burst of sign-ins costs one fetch (and at most one fetch timeout) per
 * backoff per issuer, instead of every caller queueing for its own timeout. Callers must pass only
 * issuers of registered providers.
 */
public final class JwksCache {

    private static final Logger LOG = LoggerFactory.getLogger(JwksCache.class);
    public static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
    /** How long a failed fetch answers for the issuer before the next fetch is tried. */
    public static final Duration FAILURE_BACKOFF = Duration.ofSeconds(5);

    /** A usable verification key: the JWK as published and its decoded public key. */
    record CachedKey(JWK jwk, PublicKey publicKey) {
    }

    private record Snapshot(List<CachedKey> keys, Instant fetchedAt) {
    }

    private record Failure(WebIdentityException error, Instant at) {
    }

    private static final class IssuerState {
        final Object lock = new Object();
        volatile Snapshot snapshot;
        Instant lastUnknownKeyRefresh; // guarded by lock
        Failure lastFailure; // guarded by lock
    }

    private final HttpClient client;
    private final Duration ttl;
    private final Clock clock;
    private final IssuerPolicy issuerPolicy;
    private final Duration fetchTimeout;
    private final int maxResponseBytes;
    private final Duration minRefreshInterval;
    private final ConcurrentHashMap<String, IssuerState> states = new ConcurrentHashMap<>();

    public JwksCache(HttpClient client, Duration ttl, Clock clock, IssuerPolicy issuerPolicy) {
        this(client, ttl, clock, issuerPolicy, DEFAULT_FETCH_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MIN_REFRESH_INTERVAL);
    }

    public JwksCache(HttpClient client, Duration ttl, Clock clock, IssuerPolicy issuerPolicy,
                     Duration fetchTimeout, int maxResponseBytes, Duration minRefreshInterval) {
        this.client = Objects.requireNonNull(client, "client");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.issuerPolicy = Objects.requireNonNull(issuerPolicy, "issuerPolicy");
        this.fetchTimeout = Objects.requireNonNull(fetchTimeout, "fetchTimeout");
        this.maxResponseBytes = maxResponseBytes;
        this.minRefreshInterval = Objects.requireNonNull(minRefreshInterval, "minRefreshInterval");
    }

    /** An HttpClient fit for IdP fetches: 5 s connect timeout, redirects never followed. */
    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(DEFAULT_FETCH_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public IssuerPolicy issuerPolicy() {
        return issuerPolicy;
    }

    /** Forgets an issuer's keys, e.g. when its provider is deleted or updated. */
    public void invalidate(String issuer) {
        states.remove(issuer);
    }

    /** The issuer's keys, from the cache while fresh, otherwise fetched now. */
    List<CachedKey> keys(String issuer) throws WebIdentityException {
        checkIssuerUrl(issuer);
        IssuerState state = states.computeIfAbsent(issuer, i -> new IssuerState());
        Snapshot current = state.snapshot;
        if (isFresh(current)) {
            return current.keys();
        }
        synchronized (state.lock) {
            current = state.snapshot;
            if (isFresh(current)) {
                return current.keys();
            }
            return fetchInto(state, issuer);
        }
    }

    /**
     * Called when a token names a key the cached set lacks: refetches at most once per
     * {@link #minRefreshInterval} per issuer; otherwise returns the current keys (which another
     * thread may just have refreshed).
     */
    List<CachedKey> refreshForUnknownKey(String issuer) throws WebIdentityException {
        checkIssuerUrl(issuer);
        IssuerState state = states.computeIfAbsent(issuer, i -> new IssuerState());
        synchronized (state.lock) {
            Instant now = clock.instant();
            boolean rateLimited = state.lastUnknownKeyRefresh != null
                    && now.isBefore(state.lastUnknownKeyRefresh.plus(minRefreshInterval));
            if (rateLimited && state.snapshot != null) {
                return state.snapshot.keys();
            }
            state.lastUnknownKeyRefresh = now;
            return fetchInto(state, issuer);
        }
    }

    /** Fetches under the issuer's lock, unless a fetch failed less than {@link #FAILURE_BACKOFF} ago. */
    private List<CachedKey> fetchInto(IssuerState state, String issuer) throws WebIdentityException {
        Instant now = clock.instant();
        Failure recent = state.lastFailure;
        if (recent != null && now.isBefore(recent.at().plus(FAILURE_BACKOFF))) {
            throw new WebIdentityException(recent.error().code(), recent.error().getMessage()
                    + " (the last fetch failed less than " + FAILURE_BACKOFF.toSeconds() + " s ago; not retried yet)",
                    recent.error());
        }
        try {
            Snapshot fetched = fetch(issuer);
            state.snapshot = fetched;
            state.lastFailure = null;
            return fetched.keys();
        } catch (WebIdentityException e) {
            state.lastFailure = new Failure(e, now);
            throw e;
        }
    }

    private boolean isFresh(Snapshot snapshot) {
        return snapshot != null && clock.instant().isBefore(snapshot.fetchedAt().plus(ttl));
    }

    private void checkIssuerUrl(String issuer) throws WebIdentityException {
        URI uri = parseUri(issuer);
        if (uri == null || !issuerPolicy.permits(uri) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw WebIdentityException.invalid("The OpenIDConnect provider URL must be https (http only on loopback)"
                    + " and have no user info, query or fragment: " + Texts.shorten(issuer));
        }
    }

    private Snapshot fetch(String issuer) throws WebIdentityException {
        String base = RegisteredOidcProvider.normalizeIssuer(issuer);
        if (base.startsWith("http://")) {
            // Loopback issuers (a development IdP, Keycloak in tests) never leave the machine: not worth a warning.
            URI uri = parseUri(base);
            boolean loopback = uri != null && uri.getHost() != null && IssuerPolicy.isLoopbackHost(uri.getHost());
            if (loopback) {
                LOG.debug("Fetching OIDC keys of {} over plain http on loopback", base);
            } else {
                LOG.warn("Fetching OIDC keys of {} over plain http", base);
            }
        }
        Map<String, Object> discovery = fetchJsonObject(URI.create(base + "/.well-known/openid-configuration"), issuer);
        // OpenID Connect Discovery 1.0 §4.3: the document must name exactly the issuer it was fetched for.
        if (!issuer.equals(discovery.get("issuer"))) {
            throw WebIdentityException.invalid("The OpenID configuration of " + Texts.shorten(issuer)
                    + " names a different issuer");
        }
        if (!(discovery.get("jwks_uri") instanceof String jwksUriText)) {
            throw WebIdentityException.idpCommunication("The OpenID configuration of " + Texts.shorten(issuer)
                    + " has no jwks_uri", null);
        }
        URI jwksUri = parseUri(jwksUriText);
        if (jwksUri == null || !issuerPolicy.permits(jwksUri)) {
            throw WebIdentityException.invalid("The jwks_uri of " + Texts.shorten(issuer)
                    + " must be https (http only on loopback)");
        }
        String body = new String(get(jwksUri, issuer), StandardCharsets.UTF_8);
        JWKSet set;
        try {
            set = JWKSet.parse(body);
        } catch (ParseException e) {
            throw WebIdentityException.idpCommunication("The key set of " + Texts.shorten(issuer) + " is not a valid JWKS", e);
        }
        return new Snapshot(usableKeys(set), clock.instant());
    }

    private static List<CachedKey> usableKeys(JWKSet set) {
        List<CachedKey> keys = new ArrayList<>();
        for (JWK jwk : set.getKeys()) {
            if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
                continue;
            }
            try {
                if (jwk instanceof RSAKey rsa) {
                    keys.add(new CachedKey(rsa.toPublicJWK(), rsa.toRSAPublicKey()));
                } else if (jwk instanceof ECKey ec) {
                    keys.add(new CachedKey(ec.toPublicJWK(), ec.toECPublicKey()));
                }
            } catch (JOSEException e) {
                LOG.warn("Skipping unusable key {} in a JWKS: {}", jwk.getKeyID(), e.getMessage());
            }
        }
        return List.copyOf(keys);
    }

    private Map<String, Object> fetchJsonObject(URI uri, String issuer) throws WebIdentityException {
        String body = new String(get(uri, issuer), StandardCharsets.UTF_8);
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw WebIdentityException.idpCommunication("The OpenID configuration of " + Texts.shorten(issuer)
                    + " is not a JSON object", e);
        }
    }

    private byte[] get(URI uri, String issuer) throws WebIdentityException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(fetchTimeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> pending =
                client.sendAsync(request, CappedBodySubscriber.handler(maxResponseBytes));
        String failure = "Could not read the keys of OpenIDConnect provider " + Texts.shorten(issuer);
        HttpResponse<byte[]> response;
        try {
            // The request timeout stops at the headers; this deadline also bounds the body download.
            response = pending.get(fetchTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw WebIdentityException.idpCommunication(failure + ": timed out", e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw WebIdentityException.idpCommunication(failure + ": interrupted", e);
        } catch (ExecutionException e) {
            String why = e.getCause() instanceof CappedBodySubscriber.TooLargeException
                    ? ": response larger than " + maxResponseBytes + " bytes" : ": request failed";
            throw WebIdentityException.idpCommunication(failure + why, e.getCause());
        }
        if (response.statusCode() != 200) {
            throw WebIdentityException.idpCommunication(failure + ": HTTP " + response.statusCode(), null);
        }
        return response.body();
    }

    private static URI parseUri(String text) {
        try {
            return new URI(text);
        } catch (Exception e) {
            return null;
        }
    }
}

package dev.quire.identity.oidc;

import static dev.quire.identity.oidc.WebIdentityException.Code.IDP_COMMUNICATION_ERROR;
import static dev.quire.identity.oidc.WebIdentityException.Code.INVALID_IDENTITY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issuer lookup, issuer policy and the discovery/JWKS fetch; each failure next to an accepted token. */
class IssuerAndKeyFetchTest extends OidcFixture {

    private static final String REMOTE_ISSUER = "http://idp.example.com/realms/remote";

    @Test
    void rejectsAnIssuerWithNoRegisteredProviderWithoutFetching() throws Exception {
        String other = idp.issuer("other");
        idp.serveRealm("other", new JWKSet(rsaKey));
        WebIdentityException e = rejected(sign(rsaKey, claims().issuer(other).build()), INVALID_IDENTITY_TOKEN);
        assertThat(e.getMessage()).isEqualTo("No OpenIDConnect provider found in your account for " + other);
        assertThat(idp.totalHits()).isZero();
        accepted(validToken());
    }

    @Test
    void matchesTheRegisteredIssuerIgnoringOneTrailingSlash() throws Exception {
        providers.clear();
        register(issuer() + "/");
        assertThat(accepted(validToken()).provider().url()).isEqualTo(issuer() + "/");
    }

    @Test
    void rejectsADiscoveryDocumentNamingAnotherIssuer() throws Exception {
        String evil = idp.issuer("evil");
        register(evil);
        idp.serveRealm("evil", issuer(), idp.base() + TestIdp.jwksPath("evil"), new JWKSet(rsaKey));
        rejected(sign(rsaKey, claims().issuer(evil).build()), INVALID_IDENTITY_TOKEN);
        assertThat(idp.hits(TestIdp.jwksPath("evil"))).isZero();
        accepted(validToken());
    }

    @Test
    void rejectsPlainHttpIssuersOffLoopbackUnlessAllowed() throws Exception {
        // Every request of this client goes to the loopback IdP as an HTTP proxy, so a fetch aimed at
        // idp.example.com is counted there (and no DNS or outside traffic happens).
        HttpClient viaLoopbackProxy = HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), idp.port())))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        idp.serveRealm("remote", REMOTE_ISSUER, REMOTE_ISSUER + "/protocol/openid-connect/certs", new JWKSet(rsaKey));
        register(REMOTE_ISSUER);
        String token = sign(rsaKey, claims().issuer(REMOTE_ISSUER).build());

        JwksCache strict = new JwksCache(viaLoopbackProxy, Duration.ofMinutes(10), clock, IssuerPolicy.loopbackHttpOnly());
        WebIdentityException e = rejected(new WebIdentityTokenVerifier(this::findProvider, strict, clock), token, INVALID_IDENTITY_TOKEN);
        assertThat(e.getMessage()).contains("https");
        assertThat(idp.totalHits()).isZero();

        JwksCache lenient = new JwksCache(viaLoopbackProxy, Duration.ofMinutes(10), clock, IssuerPolicy.allowInsecureHttp(true));
        VerifiedWebIdentity identity = new WebIdentityTokenVerifier(this::findProvider, lenient, clock).verify(token);
        assertThat(identity.conditionKeyPrefix()).isEqualTo("idp.example.com/realms/remote");
        assertThat(idp.hits(TestIdp.jwksPath("remote"))).isEqualTo(1);
    }

    @Test
    void rejectsAJwksUriOutsideTheIssuerPolicy() throws Exception {
        for (String jwksUri : List.of("http://keys.example.com/certs", "file:///etc/passwd", "ftp://127.0.0.1/certs")) {
            String realm = "bad" + Math.abs(jwksUri.hashCode());
            register(idp.issuer(realm));
            idp.serveRealm(realm, idp.issuer(realm), jwksUri, new JWKSet(rsaKey));
            rejected(sign(rsaKey, claims().issuer(idp.issuer(realm)).build()), INVALID_IDENTITY_TOKEN);
        }
        accepted(validToken());
    }

    @Test
    void doesNotFollowRedirectsFromTheIdp() throws Exception {
        try (TestIdp attacker = TestIdp.start()) {
            attacker.serveRealm(REALM, issuer(), attacker.base() + TestIdp.jwksPath(REALM), new JWKSet(attackerRsaKey));
            idp.route(TestIdp.discoveryPath(REALM), new TestIdp.Route(302, new byte[0],
                    Map.of("Location", attacker.base() + TestIdp.discoveryPath(REALM)), false));
            rejected(sign(attackerRsaKey, claims().build()), IDP_COMMUNICATION_ERROR);
            assertThat(attacker.totalHits()).isZero();
        }
        clock.advance(JwksCache.FAILURE_BACKOFF); // past the remembered failure
        idp.serveRealm(REALM, new JWKSet(List.of(rsaKey, ecKey)));
        accepted(validToken());
    }

    @Test
    void reportsAnUnreachableJwksEndpointAsIdpCommunicationError() throws Exception {
        accepted(validToken());
        clock.advance(Duration.ofMinutes(11)); // past the TTL: the keys must be fetched again
        idp.close();
        rejected(validToken(), IDP_COMMUNICATION_ERROR);
    }

    @Test
    void reportsAJwksServerErrorAsIdpCommunicationErrorAndRetriesOnlyAfterTheBackoff() throws Exception {
        // The error response carries a perfectly good key set: only the status code says not to use it.
        byte[] validKeys = new JWKSet(rsaKey).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
        idp.route(TestIdp.jwksPath(REALM), new TestIdp.Route(500, validKeys, Map.of(), false));
        rejected(validToken(), IDP_COMMUNICATION_ERROR);
        assertThat(idp.hits(TestIdp.jwksPath(REALM))).isEqualTo(1);

        // Within the backoff the failure answers again, and the IdP is not asked, even once it is healthy.
        idp.serveRealm(REALM, new JWKSet(List.of(rsaKey, ecKey)));
        WebIdentityException remembered = rejected(validToken(), IDP_COMMUNICATION_ERROR);
        assertThat(remembered.getMessage()).contains("HTTP 500", "not retried yet");
        assertThat(idp.hits(TestIdp.jwksPath(REALM))).isEqualTo(1);

        clock.advance(JwksCache.FAILURE_BACKOFF);
        idp.route(TestIdp.jwksPath(REALM), new TestIdp.Route(404, validKeys, Map.of(), false));
        rejected(validToken(), IDP_COMMUNICATION_ERROR);
        assertThat(idp.hits(TestIdp.jwksPath(REALM))).isEqualTo(2);

        clock.advance(JwksCache.FAILURE_BACKOFF);
        idp.serveRealm(REALM, new JWKSet(List.of(rsaKey, ecKey)));
        accepted(validToken());
        assertThat(idp.hits(TestIdp.jwksPath(REALM))).isEqualTo(3);
    }

    @Test
    void rejectsAnOversizedJwksDeclaredOrStreamed() throws Exception {
        String padded = new JWKSet(rsaKey).toPublicJWKSet().toString() + " ".repeat(JwksCache.DEFAULT_MAX_RESPONSE_BYTES);
        byte[] body = padded.getBytes(StandardCharsets.UTF_8);
        idp.route(TestIdp.jwksPath(REALM), new TestIdp.Route(200, body, Map.of(), false));
        WebIdentityException declared = rejected(validToken(), IDP_COMMUNICATION_ERROR);
        assertThat(declared.getMessage()).contains("larger than");

        clock.advance(JwksCache.FAILURE_BACKOFF);
        idp.route(TestIdp.jwksPath(REALM), new TestIdp.Route(200, body, Map.of(), true));
        WebIdentityException streamed = rejected(validToken(), IDP_COMMUNICATION_ERROR);
        assertThat(streamed.getMessage()).contains("larger than");

        clock.advance(JwksCache.FAILURE_BACKOFF); // past the remembered failure
        idp.serveRealm(REALM, new JWKSet(List.of(rsaKey, ecKey)));
        accepted(validToken());
    }

    @Test
    void reportsAMalformedJwksAsIdpCommunicationError() throws Exception {
        idp.route(TestIdp.jwksPath(REALM), TestIdp.Route.json("{\"keys\": not json"));
        rejected(validToken(), IDP_COMMUNICATION_ERROR);
        clock.advance(JwksCache.FAILURE_BACKOFF); // past the remembered failure
        idp.serveRealm(REALM, new JWKSet(List.of(rsaKey, ecKey)));
        accepted(validToken());
    }

    @Test
    void cachesKeysForTheTtlThenRefetches() throws Exception {
        accepted(validToken());
        accepted(sign(ecKey, claims().build()));
        assertThat(jwksFetches()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(11));
        accepted(validToken());
        assertThat(jwksFetches()).isEqualTo(2);
    }
}

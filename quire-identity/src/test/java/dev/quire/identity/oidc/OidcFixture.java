package dev.quire.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared setup: a loopback IdP with realm "acme" publishing an RSA and an EC key, a provider registered
 * for it with client id "quire-web", and helpers to mint tokens that are valid unless a test breaks them.
 */
abstract class OidcFixture {

    static final String CLIENT_ID = "quire-web";
    static final String REALM = "acme";
    static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

    static RSAKey rsaKey;
    static RSAKey rotatedRsaKey;
    static RSAKey attackerRsaKey;
    static ECKey ecKey;
    static ECKey attackerEcKey;

    TestIdp idp;
    MutableClock clock;
    final Map<String, RegisteredOidcProvider> providers = new ConcurrentHashMap<>();
    JwksCache cache;
    WebIdentityTokenVerifier verifier;

    @BeforeAll
    static void generateKeys() throws JOSEException {
        if (rsaKey == null) {
            rsaKey = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
            rotatedRsaKey = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
            attackerRsaKey = new RSAKeyGenerator(2048).keyID("rsa-1").generate(); // same kid as the real key
            ecKey = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
            attackerEcKey = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        }
    }

    @BeforeEach
    void startIdp() throws Exception {
        idp = TestIdp.start();
        idp.serveRealm(REALM, new JWKSet(List.of(rsaKey, ecKey)));
        clock = new MutableClock(START);
        register(issuer());
        cache = newCache(IssuerPolicy.loopbackHttpOnly());
        verifier = new WebIdentityTokenVerifier(this::findProvider, cache, clock);
    }

    @AfterEach
    void stopIdp() {
        idp.close();
    }

    JwksCache newCache(IssuerPolicy policy) {
        return new JwksCache(JwksCache.defaultHttpClient(), Duration.ofMinutes(10), clock, policy);
    }

    Optional<RegisteredOidcProvider> findProvider(String issuer) {
        return Optional.ofNullable(providers.get(issuer));
    }

    RegisteredOidcProvider register(String url) {
        RegisteredOidcProvider provider = new RegisteredOidcProvider(
                "arn:aws:iam::123456789012:oidc-provider/" + url.replaceFirst("^https?://", ""), url, List.of(CLIENT_ID));
        providers.put(RegisteredOidcProvider.normalizeIssuer(url), provider);
        return provider;
    }

    String issuer() {
        return idp.issuer(REALM);
    }

    int jwksFetches() {
        return idp.hits(TestIdp.jwksPath(REALM));
    }

    /** Claims of a valid token for mary, issued now, expiring in 5 minutes. */
    JWTClaimsSet.Builder claims() {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("mary-sub")
                .audience(CLIENT_ID)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("email", "mary@example.com");
    }

    String sign(JWK key, JWTClaimsSet claims) {
        JWSAlgorithm alg = key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
        return sign(key, new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), claims);
    }

    String sign(JWK key, JWSHeader header, JWTClaimsSet claims) {
        try {
            JWSSigner signer = key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String validToken() {
        return sign(rsaKey, claims().build());
    }

    VerifiedWebIdentity accepted(String token) throws WebIdentityException {
        VerifiedWebIdentity identity = verifier.verify(token);
        assertThat(identity.subject()).isNotEmpty();
        return identity;
    }

    WebIdentityException rejected(String token, WebIdentityException.Code code) {
        return rejected(verifier, token, code);
    }

    static WebIdentityException rejected(WebIdentityTokenVerifier v, String token, WebIdentityException.Code code) {
        WebIdentityException e = catchThrowableOfType(WebIdentityException.class, () -> v.verify(token));
        assertThat(e).as("token should have been rejected").isNotNull();
        assertThat(e.code()).as("code of: " + e.getMessage()).isEqualTo(code);
        return e;
    }
}

package dev.quire.examples;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Checks an ID token as the seed's comment says a production app must: signature by a key of the
 * issuer's JWKS (asymmetric algorithms only), issuer, audience, expiry, and the nonce this app sent.
 */
public final class IdTokenVerifier {
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public IdTokenVerifier(OidcDiscovery discovery, String clientId) {
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(URI.create(discovery.jwksUri()).toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("jwks_uri " + discovery.jwksUri(), e);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(clientId,
                new JWTClaimsSet.Builder().issuer(discovery.issuer()).build(), Set.of("sub", "iat", "exp", "nonce")));
    }

    /** The token's claims, once signature, issuer, audience, times and then the nonce all check out. */
    public JWTClaimsSet verify(String idToken, String expectedNonce) throws RejectedTokenException {
        JWTClaimsSet claims;
        try {
            claims = processor.process(idToken, null);
        } catch (Exception e) {
            throw new RejectedTokenException("the ID token is not valid: " + e.getMessage());
        }
        Object nonce = claims.getClaim("nonce");
        if (!(nonce instanceof String s) || !MessageDigest.isEqual(s.getBytes(StandardCharsets.UTF_8),
                expectedNonce.getBytes(StandardCharsets.UTF_8))) {
            throw new RejectedTokenException("the ID token's nonce is not the one this login sent");
        }
        return claims;
    }

    public static final class RejectedTokenException extends Exception {
        public RejectedTokenException(String message) {
            super(message);
        }
    }
}

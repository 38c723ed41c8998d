package dev.quire.identity.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies an OIDC ID token passed to STS AssumeRoleWithWebIdentity, in the order AWS's checks imply:
 * size, structure, algorithm, registered issuer, signature (keys from the issuer's own discovery
 * document only), then audience, lifetime, subject and session tags. Claims are trusted only after the
 * signature verified. Every signature-level failure reports the same message.
 */
public final class WebIdentityTokenVerifier {

    /** STS's WebIdentityToken limit (clientTokenType: min 4, max 20000 characters). */
    public static final int MAX_TOKEN_LENGTH = 20_000;
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    static final Duration MAX_ISSUED_AT_AHEAD = Duration.ofMinutes(5);
    static final int MIN_RSA_BITS = 2048;
    static final String SIGNATURE_FAILURE = "The web identity token signature could not be verified";
    /** Exactly what STS documents for WebIdentityToken: RSA (RS256/384/512) or ECDSA (ES256/384/512) keys. */
    private static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final OidcProviderDirectory directory;
    private final JwksCache keys;
    private final Clock clock;

    public WebIdentityTokenVerifier(OidcProviderDirectory directory, JwksCache keys, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public VerifiedWebIdentity verify(String token) throws WebIdentityException {
        if (token == null || token.length() < 4 || token.length() > MAX_TOKEN_LENGTH) {
            throw WebIdentityException.invalid("The web identity token must be 4 to " + MAX_TOKEN_LENGTH + " characters long");
        }
        SignedJWT jwt = parse(token);
        JWSHeader header = jwt.getHeader();
        if (!ALLOWED_ALGORITHMS.contains(header.getAlgorithm())) {
            throw WebIdentityException.invalid("The web identity token must be signed with RS256/384/512 or ES256/384/512");
        }
        JWTClaimsSet unverifiedClaims = claims(jwt);
        String issuer = unverifiedClaims.getIssuer();
        if (issuer == null || issuer.isEmpty()) {
            throw WebIdentityException.invalid("The web identity token has no iss claim");
        }
        RegisteredOidcProvider provider = findProvider(issuer);
        // jku, x5u, x5c and jwk in the header are deliberately never read: keys come from the issuer only.
        verifySignature(jwt, issuer);
        return checkClaims(unverifiedClaims, provider, issuer);
    }

    private static SignedJWT parse(String token) throws WebIdentityException {
        try {
            return SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw WebIdentityException.invalid("The web identity token is not a signed JWT");
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) throws WebIdentityException {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            throw WebIdentityException.invalid("The web identity token payload is not a valid JWT claims set");
        }
    }

    private RegisteredOidcProvider findProvider(String issuer) throws WebIdentityException {
        String normalized = RegisteredOidcProvider.normalizeIssuer(issuer);
        RegisteredOidcProvider provider = directory.findByIssuer(normalized)
                .filter(p -> p.matchesIssuer(issuer))
                .orElseThrow(() -> WebIdentityException.invalid(
                        "No OpenIDConnect provider found in your account for " + Texts.shorten(issuer)));
        return provider;
    }

    private void verifySignature(SignedJWT jwt, String issuer) throws WebIdentityException {
        JWSHeader header = jwt.getHeader();
        List<JwksCache.CachedKey> candidates = candidates(keys.keys(issuer), header);
        if (candidates.isEmpty()) {
            candidates = candidates(keys.refreshForUnknownKey(issuer), header);
        }
        // With a kid there is normally one candidate; without one, each key that fits the algorithm is tried.
        for (JwksCache.CachedKey candidate : candidates) {
            if (verifies(jwt, candidate)) {
                return;
            }
        }
        throw WebIdentityException.invalid(SIGNATURE_FAILURE);
    }

    private static List<JwksCache.CachedKey> candidates(List<JwksCache.CachedKey> all, JWSHeader header) {
        String kid = header.getKeyID();
        JWSAlgorithm alg = header.getAlgorithm();
        List<JwksCache.CachedKey> fitting = new ArrayList<>();
        for (JwksCache.CachedKey key : all) {
            if (kid != null && !kid.equals(key.jwk().getKeyID())) {
                continue;
            }
            if (key.jwk().getAlgorithm() != null && !key.jwk().getAlgorithm().equals(alg)) {
                continue;
            }
            if (fitsAlgorithm(key, alg)) {
                fitting.add(key);
            }
        }
        return fitting;
    }

    private static boolean fitsAlgorithm(JwksCache.CachedKey key, JWSAlgorithm alg) {
        if (JWSAlgorithm.Family.RSA.contains(alg)) {
            return key.jwk() instanceof RSAKey rsa && rsa.size() >= MIN_RSA_BITS;
        }
        if (JWSAlgorithm.Family.EC.contains(alg)) {
            return key.jwk() instanceof ECKey ec && Curve.forJWSAlgorithm(alg).contains(ec.getCurve());
        }
        return false;
    }

    private static boolean verifies(SignedJWT jwt, JwksCache.CachedKey key) {
        try {
            JWSVerifier verifier = key.publicKey() instanceof RSAPublicKey rsa
                    ? new RSASSAVerifier(rsa)
                    : new ECDSAVerifier((ECPublicKey) key.publicKey());
            return jwt.verify(verifier);
        } catch (JOSEException | RuntimeException e) {
            return false;
        }
    }

    private VerifiedWebIdentity checkClaims(JWTClaimsSet claims, RegisteredOidcProvider provider, String issuer)
            throws WebIdentityException {
        String audience = matchedAudience(claims, provider);
        Instant expiresAt = checkLifetime(claims);
        String subject = claims.getSubject();
        if (subject == null || subject.isEmpty() || subject.length() > 255) {
            throw WebIdentityException.invalid("The web identity token must have a sub claim of 1 to 255 characters");
        }
        SessionTagsClaim.SessionTags tags = SessionTagsClaim.parse(claims.getClaim(SessionTagsClaim.CLAIM));
        return new VerifiedWebIdentity(provider, issuer, subject, audience, claims.getClaims(),
                tags.principalTags(), tags.transitiveTagKeys(), amr(claims.getClaim("amr")), expiresAt);
    }

    private static String matchedAudience(JWTClaimsSet claims, RegisteredOidcProvider provider) throws WebIdentityException {
        for (String aud : claims.getAudience()) {
            if (provider.clientIds().contains(aud)) {
                return aud;
            }
        }
        if (claims.getClaim("azp") instanceof String azp && provider.clientIds().contains(azp)) {
            return azp;
        }
        throw WebIdentityException.invalid("Incorrect token audience");
    }

    private Instant checkLifetime(JWTClaimsSet claims) throws WebIdentityException {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw WebIdentityException.invalid("The web identity token has no exp claim");
        }
        if (now.isAfter(exp.toInstant().plus(CLOCK_SKEW))) {
            throw new WebIdentityException(WebIdentityException.Code.EXPIRED_TOKEN, "Token is expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw WebIdentityException.invalid("The web identity token is not valid yet (nbf)");
        }
        Date iat = claims.getIssueTime();
        if (iat != null && iat.toInstant().isAfter(now.plus(MAX_ISSUED_AT_AHEAD))) {
            throw WebIdentityException.invalid("The web identity token was issued in the future (iat)");
        }
        return exp.toInstant();
    }

    private static List<String> amr(Object raw) throws WebIdentityException {
        if (raw == null) {
            return List.of();
        }
        if (raw instanceof String s) {
            return List.of(s);
        }
        if (raw instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw WebIdentityException.invalid("The amr claim must be a string or an array of strings");
    }
}

package dev.quire.devidp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints RS256 ID tokens shaped like Keycloak's for the Quire demo realm, including the AWS
 * session-tags claim that AssumeRoleWithWebIdentity turns into the {@code Email} principal tag.
 */
final class IdTokens {
    static final Duration LIFETIME = Duration.ofHours(1);
    static final String AWS_TAGS_CLAIM = "https://aws.amazon.com/tags";

    private final String issuer;
    private final SigningKeys keys;
    private final Clock clock;

    IdTokens(String issuer, SigningKeys keys, Clock clock) {
        this.issuer = issuer;
        this.keys = keys;
        this.clock = clock;
    }

    /** The same for a username across restarts and realms' key changes, like a directory object id. */
    static String subjectOf(DevUser user) {
        return UUID.nameUUIDFromBytes(("quire-devidp:user:" + user.username()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    String mint(DevUser user, String clientId, String nonce, Instant authTime) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subjectOf(user))
                .audience(clientId)
                .claim("azp", clientId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("auth_time", authTime.getEpochSecond())
                .jwtID(UUID.randomUUID().toString())
                .claim("typ", "ID")
                .claim("email", user.email())
                .claim("email_verified", true)
                .claim("name", user.displayName())
                .claim("preferred_username", user.username())
                .claim(AWS_TAGS_CLAIM, Map.of("principal_tags", Map.of("Email", List.of(user.email()))));
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        if (!user.groups().isEmpty()) {
            claims.claim("groups", user.groups());
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(keys.jwk.getKeyID())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(new RSASSASigner(keys.privateKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the ID token", e);
        }
        return jwt.serialize();
    }

    /**
     * The claims of an ID token this IdP issued (expired ones included, as an {@code id_token_hint}
     * may be), or null when it is not ours.
     */
    JWTClaimsSet ownTokenClaims(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new RSASSAVerifier(keys.jwk.toRSAPublicKey()))
                    || !issuer.equals(jwt.getJWTClaimsSet().getIssuer())) {
                return null;
            }
            return jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            return null;
        }
    }
}

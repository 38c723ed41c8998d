package dev.quire.identity.oidc;

import static dev.quire.identity.oidc.WebIdentityException.Code.INVALID_IDENTITY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forged, altered or mis-keyed tokens; each next to a genuine token that is accepted. */
class SignatureAttacksTest extends OidcFixture {

    @Test
    void acceptsGenuineRs256AndEs256Tokens() throws Exception {
        VerifiedWebIdentity rs = accepted(validToken());
        assertThat(rs.subject()).isEqualTo("mary-sub");
        assertThat(rs.audience()).isEqualTo(CLIENT_ID);
        assertThat(rs.provider()).isEqualTo(providers.get(issuer()));
        assertThat(rs.claims()).containsEntry("email", "mary@example.com");
        assertThat(rs.conditionKeyPrefix()).isEqualTo("127.0.0.1:" + idp.port() + "/realms/acme");

        VerifiedWebIdentity es = accepted(sign(ecKey, claims().subject("ec-user").build()));
        assertThat(es.subject()).isEqualTo("ec-user");
    }

    /** STS takes RS* and ES* only; an RSA-PSS signature made with the issuer's own key is still refused. */
    @Test
    void rejectsPs256LikeStsBeforeAnyKeyLookup() throws Exception {
        for (JWSAlgorithm alg : new JWSAlgorithm[] {JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512}) {
            String token = sign(rsaKey, new JWSHeader.Builder(alg).keyID("rsa-1").build(), claims().build());
            rejected(token, INVALID_IDENTITY_TOKEN);
        }
        assertThat(idp.totalHits()).isZero();
        accepted(sign(rsaKey, new JWSHeader.Builder(JWSAlgorithm.RS384).keyID("rsa-1").build(), claims().build()));
    }

    @Test
    void rejectsAlgNoneWithoutFetchingKeys() throws Exception {
        String payload = SignedJWT.parse(validToken()).getPayload().toBase64URL().toString();
        String header = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"rsa-1\"}").toString();
        rejected(header + "." + payload + ".", INVALID_IDENTITY_TOKEN);
        rejected(header + "." + payload + "." + validToken().split("\\.")[2], INVALID_IDENTITY_TOKEN);
        assertThat(idp.totalHits()).isZero();
        accepted(validToken());
    }

    @Test
    void rejectsHs256KeyedWithTheRsaPublicKeyBeforeAnyKeyLookup() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), claims().build());
        jwt.sign(new MACSigner(rsaKey.toRSAPublicKey().getEncoded()));
        rejected(jwt.serialize(), INVALID_IDENTITY_TOKEN);
        assertThat(idp.totalHits()).isZero();
        accepted(validToken());
    }

    @Test
    void rejectsAFlippedSignatureBit() throws Exception {
        String token = validToken();
        accepted(token);
        String[] parts = token.split("\\.");
        byte[] signature = new Base64URL(parts[2]).decode();
        signature[10] ^= 0x01;
        WebIdentityException e = rejected(parts[0] + "." + parts[1] + "." + Base64URL.encode(signature), INVALID_IDENTITY_TOKEN);
        assertThat(e.getMessage()).isEqualTo(WebIdentityTokenVerifier.SIGNATURE_FAILURE);
    }

    @Test
    void rejectsATamperedPayloadUnderTheOriginalSignature() throws Exception {
        String token = validToken();
        accepted(token);
        String[] parts = token.split("\\.");
        String forgedPayload = Base64URL.encode(claims().subject("admin-sub").build().toString()).toString();
        WebIdentityException e = rejected(parts[0] + "." + forgedPayload + "." + parts[2], INVALID_IDENTITY_TOKEN);
        assertThat(e.getMessage()).isEqualTo(WebIdentityTokenVerifier.SIGNATURE_FAILURE);
    }

    @Test
    void rejectsAnAttackerKeyThatReusesTheRealKid() throws Exception {
        accepted(validToken());
        WebIdentityException e = rejected(sign(attackerRsaKey, claims().build()), INVALID_IDENTITY_TOKEN);
        assertThat(e.getMessage()).isEqualTo(WebIdentityTokenVerifier.SIGNATURE_FAILURE);
        rejected(sign(attackerEcKey, claims().build()), INVALID_IDENTITY_TOKEN);
    }

    @Test
    void matchesEcCurvesToTheAlgorithm() throws Exception {
        ECKey p384 = new ECKeyGenerator(Curve.P_384).keyID("ec-384").generate();
        idp.setJwks(REALM, new JWKSet(List.of(rsaKey, ecKey, p384)));
        String es384 = sign(p384, new JWSHeader.Builder(JWSAlgorithm.ES384).keyID("ec-384").build(), claims().build());
        assertThat(accepted(es384).subject()).isEqualTo("mary-sub");
        // An ES384 header aimed at the P-256 key: refused whatever the signature bytes are.
        String[] parts = es384.split("\\.");
        String retargeted = Base64URL.encode("{\"alg\":\"ES384\",\"kid\":\"ec-1\"}") + "." + parts[1] + "." + parts[2];
        rejected(retargeted, INVALID_IDENTITY_TOKEN);
    }

    @Test
    void rejectsAnRsaAlgorithmAimedAtTheEcKey() throws Exception {
        accepted(sign(ecKey, claims().build()));
        String token = sign(attackerRsaKey, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("ec-1").build(), claims().build());
        rejected(token, INVALID_IDENTITY_TOKEN);
    }

    @Test
    void rejectsRsaKeysShorterThan2048Bits() throws Exception {
        RSAKey weak = new RSAKeyGenerator(1024, true).keyID("weak-1").generate();
        idp.setJwks(REALM, new JWKSet(List.of(rsaKey, weak)));
        accepted(validToken());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("weak-1").build(), claims().build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(weak.toPrivateKey(), true));
        rejected(jwt.serialize(), INVALID_IDENTITY_TOKEN);
    }

    @Test
    void neverFetchesKeysNamedInTheTokenHeader() throws Exception {
        try (TestIdp attacker = TestIdp.start()) {
            attacker.route("/jwks", TestIdp.Route.json(new JWKSet(attackerRsaKey).toPublicJWKSet().toString()));
            List<Base64> garbageChain = List.of(Base64.encode("not a certificate".getBytes(StandardCharsets.UTF_8)));
            JWSHeader.Builder pointingElsewhere = new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .type(JOSEObjectType.JWT)
                    .jwkURL(URI.create(attacker.base() + "/jwks"))
                    .x509CertURL(URI.create(attacker.base() + "/cert.pem"))
                    .x509CertChain(garbageChain);

            // Genuine key with the same hostile header fields: accepted, proving they are simply ignored.
            accepted(sign(rsaKey, pointingElsewhere.keyID("rsa-1").build(), claims().build()));

            rejected(sign(attackerRsaKey, pointingElsewhere.keyID("attacker-1").build(), claims().build()), INVALID_IDENTITY_TOKEN);
            rejected(sign(attackerRsaKey, pointingElsewhere.keyID("rsa-1").build(), claims().build()), INVALID_IDENTITY_TOKEN);
            rejected(sign(attackerRsaKey, pointingElsewhere.keyID("rsa-1").jwk(attackerRsaKey.toPublicJWK()).build(),
                    claims().build()), INVALID_IDENTITY_TOKEN);
            assertThat(attacker.totalHits()).isZero();
        }
    }

    @Test
    void unknownKidRefreshesOnceThenIsRateLimited() throws Exception {
        accepted(validToken());
        assertThat(jwksFetches()).isEqualTo(1);
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("unknown-kid").generate();
        String token = sign(stranger, claims().build());

        rejected(token, INVALID_IDENTITY_TOKEN);
        rejected(token, INVALID_IDENTITY_TOKEN);
        rejected(sign(stranger, claims().subject("again").build()), INVALID_IDENTITY_TOKEN);
        assertThat(jwksFetches()).isEqualTo(2);

        clock.advance(java.time.Duration.ofSeconds(31));
        rejected(token, INVALID_IDENTITY_TOKEN);
        assertThat(jwksFetches()).isEqualTo(3);
    }

    @Test
    void acceptsARotatedKeyAfterOneRefresh() throws Exception {
        accepted(validToken());
        idp.setJwks(REALM, new JWKSet(List.of(rsaKey, rotatedRsaKey, ecKey)));
        VerifiedWebIdentity identity = accepted(sign(rotatedRsaKey, claims().subject("rotated").build()));
        assertThat(identity.subject()).isEqualTo("rotated");
        assertThat(jwksFetches()).isEqualTo(2);
        accepted(validToken());
        assertThat(jwksFetches()).isEqualTo(2);
    }
}

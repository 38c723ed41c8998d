package dev.quire.identity.oidc;

import static dev.quire.identity.oidc.WebIdentityException.Code.EXPIRED_TOKEN;
import static dev.quire.identity.oidc.WebIdentityException.Code.INVALID_IDENTITY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Audience, lifetime, subject and size rules; each rejection next to the nearest token that passes. */
class ClaimChecksTest extends OidcFixture {

    private Date in(long seconds) {
        return Date.from(clock.instant().plusSeconds(seconds));
    }

    @Test
    void rejectsAWrongAudience() throws Exception {
        accepted(validToken());
        WebIdentityException e = rejected(sign(rsaKey, claims().audience("someone-else").build()), INVALID_IDENTITY_TOKEN);
        assertThat(e.getMessage()).isEqualTo("Incorrect token audience");
        rejected(sign(rsaKey, claims().audience(List.of()).build()), INVALID_IDENTITY_TOKEN);
    }

    @Test
    void acceptsAnAudienceArrayContainingTheClientId() throws Exception {
        VerifiedWebIdentity identity = accepted(sign(rsaKey, claims().audience(List.of("account", CLIENT_ID)).build()));
        assertThat(identity.audience()).isEqualTo(CLIENT_ID);
        rejected(sign(rsaKey, claims().audience(List.of("account", "broker")).build()), INVALID_IDENTITY_TOKEN);
    }

    @Test
    void fallsBackToAzp() throws Exception {
        VerifiedWebIdentity identity = accepted(sign(rsaKey, claims().audience("account").claim("azp", CLIENT_ID).build()));
        assertThat(identity.audience()).isEqualTo(CLIENT_ID);
        rejected(sign(rsaKey, claims().audience("account").claim("azp", "other-client").build()), INVALID_IDENTITY_TOKEN);
    }

    @Test
    void rejectsAnExpiredTokenBeyondTheSkew() throws Exception {
        VerifiedWebIdentity withinSkew = accepted(sign(rsaKey, claims().expirationTime(in(-30)).build()));
        assertThat(withinSkew.expiresAt()).isEqualTo(clock.instant().minusSeconds(30));
        WebIdentityException e = rejected(sign(rsaKey, claims().expirationTime(in(-120)).build()), EXPIRED_TOKEN);
        assertThat(e.code().wireCode()).isEqualTo("ExpiredTokenException");
    }

    @Test
    void rejectsANotBeforeInTheFuture() throws Exception {
        accepted(sign(rsaKey, claims().notBeforeTime(in(30)).build()));
        rejected(sign(rsaKey, claims().notBeforeTime(in(120)).build()), INVALID_IDENTITY_TOKEN);
    }

    @Test
    void rejectsAnIssuedAtFarInTheFuture() throws Exception {
        accepted(sign(rsaKey, claims().issueTime(in(240)).build()));
        rejected(sign(rsaKey, claims().issueTime(in(600)).build()), INVALID_IDENTITY_TOKEN);
    }

    @Test
    void requiresExpSubAndIss() throws Exception {
        accepted(validToken());
        rejected(sign(rsaKey, claims().expirationTime(null).build()), INVALID_IDENTITY_TOKEN);
        rejected(sign(rsaKey, claims().subject(null).build()), INVALID_IDENTITY_TOKEN);
        rejected(sign(rsaKey, claims().subject("").build()), INVALID_IDENTITY_TOKEN);
        rejected(sign(rsaKey, claims().issuer(null).build()), INVALID_IDENTITY_TOKEN);
    }

    @Test
    void rejectsAMegabyteTokenBeforeParsingOrFetching() throws Exception {
        String huge = "eyJhbGciOiJSUzI1NiJ9." + "A".repeat(1_000_000) + ".sig";
        rejected(huge, INVALID_IDENTITY_TOKEN);
        assertThat(idp.totalHits()).isZero();
        accepted(validToken());
    }

    @Test
    void acceptsUpTo20000CharactersAndNoMore() throws Exception {
        String largestAllowed = null;
        String firstTooLong = null;
        int pad = 14_000;
        while (tokenWithPad(pad + 64).length() <= WebIdentityTokenVerifier.MAX_TOKEN_LENGTH) {
            pad += 64; // coarse steps first, then one character at a time
        }
        for (; firstTooLong == null; pad++) {
            String token = tokenWithPad(pad);
            if (token.length() <= WebIdentityTokenVerifier.MAX_TOKEN_LENGTH) {
                largestAllowed = token;
            } else {
                firstTooLong = token;
            }
        }
        assertThat(largestAllowed.length()).isBetween(19_990, 20_000);
        accepted(largestAllowed);
        int fetchesBefore = idp.totalHits();
        rejected(firstTooLong, INVALID_IDENTITY_TOKEN);
        assertThat(idp.totalHits()).isEqualTo(fetchesBefore);
    }

    private String tokenWithPad(int pad) {
        return sign(rsaKey, claims().claim("pad", "x".repeat(pad)).build());
    }

    @Test
    void rejectsGarbage() throws Exception {
        accepted(validToken());
        for (String garbage : List.of("", "abc", "a.b.c", "....", "eyJ9.eyJ9.", validToken() + ".extra")) {
            rejected(garbage, INVALID_IDENTITY_TOKEN);
        }
        WebIdentityException nullToken = rejected(null, INVALID_IDENTITY_TOKEN);
        assertThat(nullToken).isNotNull();
    }

    @Test
    void exposesAmrAndAllClaims() throws Exception {
        JWTClaimsSet claims = claims().claim("amr", List.of("pwd", "mfa")).claim("groups", List.of("finance")).build();
        VerifiedWebIdentity identity = accepted(sign(rsaKey, claims));
        assertThat(identity.amr()).containsExactly("pwd", "mfa");
        assertThat(identity.claims()).containsEntry("groups", List.of("finance"));
        assertThat(identity.issuer()).isEqualTo(issuer());
        assertThat(identity.expiresAt()).isEqualTo(Instant.from(clock.instant().plusSeconds(300)));
        rejected(sign(rsaKey, claims().claim("amr", List.of("pwd", 7)).build()), INVALID_IDENTITY_TOKEN);
    }
}

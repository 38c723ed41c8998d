package dev.quire.identity.sts;

import dev.quire.identity.credentials.SessionClaims;
import dev.quire.identity.credentials.SessionTokenCodec;
import dev.quire.identity.iam.IamRole;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Mints {@code ASIA…} keys with a sealed session token. */
final class TemporaryCredentials {
    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private final String accountId;
    private final SessionTokenCodec tokens;
    private final SecureRandom random;

    TemporaryCredentials(String accountId, SessionTokenCodec tokens, SecureRandom random) {
        this.accountId = accountId;
        this.tokens = tokens;
        this.random = random;
    }

    IssuedSession issue(IamRole role, String sessionName, Map<String, String> tags, List<String> transitiveTagKeys,
                        String sourceIdentity, String federatedBy, Instant now, int durationSeconds) {
        SessionClaims claims = new SessionClaims("ASIA" + random(KEY_ALPHABET, 16), random(SECRET_ALPHABET, 40),
                accountId, role.arn(), role.roleId(), sessionName, tags, transitiveTagKeys, sourceIdentity,
                federatedBy, now, now.plusSeconds(durationSeconds));
        return new IssuedSession(claims, tokens.seal(claims));
    }

    private String random(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}

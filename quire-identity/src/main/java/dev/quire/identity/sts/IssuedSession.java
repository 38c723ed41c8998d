package dev.quire.identity.sts;

import dev.quire.identity.credentials.SessionClaims;

/** What every AssumeRole* call returns: the credentials and the assumed-role identity. */
public record IssuedSession(SessionClaims claims, String sessionToken) {
    public String accessKeyId() {
        return claims.accessKeyId();
    }

    public String secretAccessKey() {
        return claims.secretAccessKey();
    }

    public java.time.Instant expiration() {
        return claims.expiresAt();
    }

    public String assumedRoleArn() {
        return claims.assumedRoleArn();
    }

    public String assumedRoleId() {
        return claims.assumedRoleId();
    }
}

package dev.quire.protocol.sigv4;

import java.time.Instant;

/**
 * A secret the verifier may check a signature against.
 *
 * @param expiresAt null for a long-term key; for a session credential, the instant after which it is refused
 * @param principal whatever the caller needs back on success; never read here
 */
public record SigningCredential(String accessKeyId, String secretAccessKey, Instant expiresAt, Object principal) {
    public SigningCredential {
        if (accessKeyId == null || accessKeyId.isEmpty()) {
            throw new IllegalArgumentException("accessKeyId is required");
        }
        if (secretAccessKey == null || secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("secretAccessKey is required");
        }
    }

    /** Never print the secret (records print every component by default). */
    @Override
    public String toString() {
        return "SigningCredential[accessKeyId=" + accessKeyId + ", expiresAt=" + expiresAt + "]";
    }
}

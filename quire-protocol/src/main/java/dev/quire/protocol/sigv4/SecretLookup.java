package dev.quire.protocol.sigv4;

import java.util.Optional;

/** Finds the secret for an access key id; the session token (null when absent) selects a temporary credential. */
@FunctionalInterface
public interface SecretLookup {
    Optional<SigningCredential> find(String accessKeyId, String sessionToken);
}

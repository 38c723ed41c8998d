package dev.quire.server.auth;

import dev.quire.identity.credentials.RootCredentials;
import dev.quire.protocol.sigv4.SecretLookup;
import dev.quire.protocol.sigv4.SigningCredential;
import dev.quire.spi.identity.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Finds the signing secret for an access key id: the root keys (session keys join with STS). */
public final class CredentialDirectory implements SecretLookup {
    private final RootCredentials root;
    private final Caller rootCaller;

    public CredentialDirectory(RootCredentials root, String accountId) {
        this.root = root;
        this.rootCaller = Caller.root(accountId);
    }

    @Override
    public Optional<SigningCredential> find(String accessKeyId, String sessionToken) {
        // Long-term keys never carry a session token; one that does is not the root key.
        if (sessionToken == null && MessageDigest.isEqual(
                accessKeyId.getBytes(StandardCharsets.UTF_8), root.accessKeyId().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new SigningCredential(root.accessKeyId(), root.secretAccessKey(), null, rootCaller));
        }
        return Optional.empty();
    }
}

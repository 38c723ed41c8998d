package dev.quire.server.auth;

import dev.quire.identity.credentials.RootCredentials;
import dev.quire.identity.credentials.SessionClaims;
import dev.quire.identity.credentials.SessionTokenCodec;
import dev.quire.identity.iam.IamDirectory;
import dev.quire.protocol.sigv4.SecretLookup;
import dev.quire.protocol.sigv4.SigningCredential;
import dev.quire.spi.identity.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Finds the signing secret for an access key id: the root keys, or a session whose sealed token
 * opens with our key for exactly that key id and whose role still exists (the same role, not a
 * namesake created later: the role id must match). Expiry is checked by the SigV4 verifier.
 */
public final class CredentialDirectory implements SecretLookup {
    private final RootCredentials root;
    private final Caller rootCaller;
    private final SessionTokenCodec tokens;
    private final IamDirectory iam;

    public CredentialDirectory(RootCredentials root, String accountId, SessionTokenCodec tokens, IamDirectory iam) {
        this.root = root;
        this.rootCaller = Caller.root(accountId);
        this.tokens = tokens;
        this.iam = iam;
    }

    @Override
    public Optional<SigningCredential> find(String accessKeyId, String sessionToken) {
        if (sessionToken == null) {
            // Long-term keys never carry a session token; one that does is not the root key.
            boolean isRoot = MessageDigest.isEqual(accessKeyId.getBytes(StandardCharsets.UTF_8),
                    root.accessKeyId().getBytes(StandardCharsets.UTF_8));
            return isRoot
                    ? Optional.of(new SigningCredential(root.accessKeyId(), root.secretAccessKey(), null, rootCaller))
                    : Optional.empty();
        }
        return tokens.open(sessionToken, accessKeyId)
                .filter(this::roleStillExists)
                .map(c -> new SigningCredential(c.accessKeyId(), c.secretAccessKey(), c.expiresAt(), caller(c)));
    }

    private boolean roleStillExists(SessionClaims claims) {
        return iam.roleByArn(claims.roleArn()).filter(r -> r.roleId().equals(claims.roleId())).isPresent();
    }

    private static Caller caller(SessionClaims c) {
        return new Caller(c.accountId(), c.assumedRoleArn(), c.assumedRoleId(), c.roleArn(), c.tags(), c.expiresAt());
    }
}

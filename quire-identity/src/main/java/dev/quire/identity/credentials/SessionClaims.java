package dev.quire.identity.credentials;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a session token vouches for. It travels sealed (encrypted and authenticated) inside
 * the token, so any node holding the key material can verify a session without a lookup.
 *
 * @param roleId          the role's unique id when the session was issued: a role deleted and
 *                        re-created under the same name has another id, so old sessions die
 * @param federatedBy     the OIDC/SAML provider ARN that vouched for the user, or null (AssumeRole)
 */
public record SessionClaims(String accessKeyId, String secretAccessKey, String accountId, String roleArn,
                            String roleId, String sessionName, Map<String, String> tags,
                            List<String> transitiveTagKeys, String sourceIdentity, String federatedBy,
                            Instant issuedAt, Instant expiresAt) {
    public SessionClaims {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(roleId, "roleId");
        Objects.requireNonNull(sessionName, "sessionName");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        transitiveTagKeys = transitiveTagKeys == null ? List.of() : List.copyOf(transitiveTagKeys);
    }

    /** The role's name: the last path segment of its ARN. */
    public String roleName() {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }

    /** {@code arn:aws:sts::<acct>:assumed-role/<role name>/<session name>} */
    public String assumedRoleArn() {
        return "arn:aws:sts::" + accountId + ":assumed-role/" + roleName() + "/" + sessionName;
    }

    /** {@code <role id>:<session name>}, the AssumedRoleId / aws:userid. */
    public String assumedRoleId() {
        return roleId + ":" + sessionName;
    }

    @Override
    public String toString() {
        return "SessionClaims[" + accessKeyId + ", " + assumedRoleArn() + ", expires " + expiresAt + "]";
    }
}

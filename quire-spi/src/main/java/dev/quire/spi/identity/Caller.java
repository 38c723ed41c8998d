package dev.quire.spi.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Who made an authenticated request, as established by SigV4 and the session token.
 *
 * @param accountId   the Quire account, e.g. 123456789012
 * @param arn         root: {@code arn:aws:iam::<acct>:root}; a session:
 *                    {@code arn:aws:sts::<acct>:assumed-role/<role>/<session>}
 * @param userId      root: the account id; a session: {@code <role id>:<session name>}
 * @param roleArn     the assumed role's ARN, or null for root
 * @param sessionTags principal tags of the session (e.g. {@code Email}), empty for root
 * @param expiresAt   when the session credentials expire, or null for long-term keys
 */
public record Caller(String accountId, String arn, String userId, String roleArn,
                     Map<String, String> sessionTags, Instant expiresAt) {
    public Caller {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(userId, "userId");
        sessionTags = Map.copyOf(sessionTags);
    }

    public static Caller root(String accountId) {
        return new Caller(accountId, "arn:aws:iam::" + accountId + ":root", accountId, null, Map.of(), null);
    }

    public boolean isRoot() {
        return roleArn == null;
    }
}

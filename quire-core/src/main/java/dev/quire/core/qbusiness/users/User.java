package dev.quire.core.qbusiness.users;

import java.time.Instant;
import java.util.List;

/**
 * A user of the Q Business user store.
 *
 * @param userId the id as it was first given (usually an email), kept for display; lookups use
 *               {@link StoreKeys#userKey}
 */
public record User(String userId, List<UserAlias> userAliases, Instant createdAt, Instant updatedAt) {
    public User {
        userAliases = List.copyOf(userAliases);
    }
}

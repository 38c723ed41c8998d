package dev.quire.core.qbusiness.subscriptions;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.quire.core.qbusiness.users.StoreKeys;

/** The wire union: exactly one of a user id (usually an email) or a group name. */
public record SubscriptionPrincipal(String user, String group) {
    public SubscriptionPrincipal {
        if ((user == null) == (group == null)) {
            throw new IllegalArgumentException("a subscription principal is either a user or a group");
        }
    }

    public static SubscriptionPrincipal ofUser(String userId) {
        return new SubscriptionPrincipal(userId, null);
    }

    public static SubscriptionPrincipal ofGroup(String groupName) {
        return new SubscriptionPrincipal(null, groupName);
    }

    /** The comparison key: user ids are case-insensitive (emails), group names are exact. */
    @JsonIgnore
    public String key() {
        return user != null ? "user:" + StoreKeys.userKey(user) : "group:" + group;
    }
}

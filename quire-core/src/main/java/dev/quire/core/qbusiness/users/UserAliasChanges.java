package dev.quire.core.qbusiness.users;

import java.util.List;

/** What UpdateUser did: aliases added to empty slots, replaced in taken slots, and removed. */
public record UserAliasChanges(List<UserAlias> added, List<UserAlias> updated, List<UserAlias> deleted) {
    public UserAliasChanges {
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        deleted = List.copyOf(deleted);
    }
}

package dev.quire.core.qbusiness.principals;

import dev.quire.core.qbusiness.groups.GroupKey;
import java.util.List;

/**
 * A group the user belongs to, and why: {@code viaUserId} (the member entry, as written in the
 * group, that matched one of the user's ids) put the user in {@code path.get(0)}, which is a sub
 * group of {@code path.get(1)}, and so on up to {@code group} (the last element). The path is a
 * shortest one.
 */
public record ReachedGroup(GroupKey group, String viaUserId, List<GroupKey> path) {
    public ReachedGroup {
        path = List.copyOf(path);
    }

    /** e.g. {@code mary@example.com → research → engineering → company}. */
    public String explain() {
        StringBuilder sb = new StringBuilder(viaUserId);
        path.forEach(g -> sb.append(" → ").append(g));
        return sb.toString();
    }
}

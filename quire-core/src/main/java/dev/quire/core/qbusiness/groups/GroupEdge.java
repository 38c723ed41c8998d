package dev.quire.core.qbusiness.groups;

/**
 * One membership fact, stored by member so that "which groups contain X?" is one scoped read:
 * {@code member} (a user id or a sub group) belongs to {@code group}, listed with {@code memberType}.
 *
 * @param memberUserId the user id as written in the group (for a user member), else null
 * @param memberGroup  the sub group (for a group member), else null
 */
public record GroupEdge(GroupKey group, MembershipType memberType, String memberUserId, GroupKey memberGroup) {
}

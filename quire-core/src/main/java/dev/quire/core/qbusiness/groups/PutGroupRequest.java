package dev.quire.core.qbusiness.groups;

import java.util.List;

/** PutGroup's members: the whole new inline membership of the group (it replaces the old one). */
public record PutGroupRequest(String groupName, MembershipType type, String dataSourceId,
                              List<MemberUser> memberUsers, List<MemberGroup> memberGroups) {
    public PutGroupRequest {
        memberUsers = List.copyOf(memberUsers);
        memberGroups = List.copyOf(memberGroups);
    }
}

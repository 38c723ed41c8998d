package dev.quire.core.qbusiness.groups;

import java.time.Instant;
import java.util.List;

/** A group as stored: its full inline membership and the history of its PutGroup calls (newest first). */
public record Group(String groupName, MembershipType type, String dataSourceId, List<MemberUser> memberUsers,
                    List<MemberGroup> memberGroups, List<GroupStatusEntry> statusHistory, Instant updatedAt) {
    public Group {
        memberUsers = List.copyOf(memberUsers);
        memberGroups = List.copyOf(memberGroups);
        statusHistory = List.copyOf(statusHistory);
    }
}

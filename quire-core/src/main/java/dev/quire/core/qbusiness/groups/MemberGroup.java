package dev.quire.core.qbusiness.groups;

import java.util.Objects;

/** A sub group: its members are members of the enclosing group. A null type (in a request) means the enclosing group's type. */
public record MemberGroup(String groupName, MembershipType type) {
    public MemberGroup {
        Objects.requireNonNull(groupName, "groupName");
    }
}

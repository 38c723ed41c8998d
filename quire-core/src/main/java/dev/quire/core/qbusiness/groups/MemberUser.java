package dev.quire.core.qbusiness.groups;

import java.util.Objects;

/** A user member of a group, by user id string (the user need not exist in the user store). A null type (in a request) means the enclosing group's type. */
public record MemberUser(String userId, MembershipType type) {
    public MemberUser {
        Objects.requireNonNull(userId, "userId");
    }
}

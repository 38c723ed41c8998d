package dev.quire.core.qbusiness.documents;

/**
 * Resolves a user's aliases and (transitive) group memberships in an index. The users/groups
 * area implements it; until it is wired, {@link #USER_ONLY} knows users by their id alone.
 */
@FunctionalInterface
public interface UserPrincipals {
    UserPrincipals USER_ONLY = (applicationId, indexId, userId) -> PrincipalSet.userOnly(userId);

    PrincipalSet resolve(String applicationId, String indexId, String userId);
}

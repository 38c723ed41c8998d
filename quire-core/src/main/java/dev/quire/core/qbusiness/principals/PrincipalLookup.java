package dev.quire.core.qbusiness.principals;

/**
 * "Who is this signed-in user in this index": {@link PrincipalResolver} computes it from the user
 * store, {@link CachingPrincipalResolver} remembers it until the application's principals change.
 */
public interface PrincipalLookup {

    /**
     * @throws dev.quire.spi.error.ApiError ResourceNotFound when the application or index is gone,
     *         AccessDenied when the user's groups are nested too deep or too many to resolve
     */
    ResolvedPrincipals resolve(String applicationId, String indexId, String email);
}

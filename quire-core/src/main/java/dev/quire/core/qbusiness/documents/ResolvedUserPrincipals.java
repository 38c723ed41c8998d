package dev.quire.core.qbusiness.documents;

import dev.quire.core.qbusiness.principals.PrincipalLookup;
import dev.quire.core.qbusiness.principals.ResolvedPrincipals;
import dev.quire.core.qbusiness.users.UserAlias;
import java.util.ArrayList;
import java.util.List;

/**
 * The user store's answer to "who is this user here": their id, their aliases and every group
 * reached (INDEX groups, and per data source the DATASOURCE groups), as the ACL check needs it.
 */
public final class ResolvedUserPrincipals implements UserPrincipals {
    private final PrincipalLookup resolver;

    public ResolvedUserPrincipals(PrincipalLookup resolver) {
        this.resolver = resolver;
    }

    @Override
    public PrincipalSet resolve(String applicationId, String indexId, String userId) {
        return from(resolver.resolve(applicationId, indexId, userId));
    }

    public static PrincipalSet from(ResolvedPrincipals resolved) {
        List<PrincipalSet.Alias> aliases = new ArrayList<>();
        for (UserAlias alias : resolved.aliases()) {
            if (alias.indexId() == null || alias.indexId().equals(resolved.indexId())) {
                aliases.add(new PrincipalSet.Alias(alias.userId(), alias.dataSourceId()));
            }
        }
        List<PrincipalSet.Group> groups = new ArrayList<>();
        resolved.indexGroups().keySet().forEach(name -> groups.add(new PrincipalSet.Group(name, null)));
        resolved.dataSourceGroups().forEach((ds, byName) ->
                byName.keySet().forEach(name -> groups.add(new PrincipalSet.Group(name, ds))));
        return new PrincipalSet(resolved.userId(), aliases, groups);
    }
}

package dev.quire.core.qbusiness.principals;

import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.groups.GroupEdge;
import dev.quire.core.qbusiness.groups.GroupEdges;
import dev.quire.core.qbusiness.groups.GroupKey;
import dev.quire.core.qbusiness.groups.Groups;
import dev.quire.core.qbusiness.groups.MembershipType;
import dev.quire.core.qbusiness.users.StoreKeys;
import dev.quire.core.qbusiness.users.User;
import dev.quire.core.qbusiness.users.UserAlias;
import dev.quire.core.qbusiness.users.Users;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.store.MetadataStore;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Expands a signed-in user (by email) into every id and group that document ACLs of one index
 * may name, following nested groups breadth-first (each group once, so cycles end). The rules
 * are in docs/user-store.md; in short, membership flows from a sub group to its parent, and a
 * DATASOURCE group's membership never flows into an INDEX group or into another data source.
 *
 * <p>Fail closed: a hierarchy deeper than {@code maxDepth} or wider than {@code maxGroups} is
 * refused (AccessDeniedException) rather than cut short, because a group left out could be
 * one a DENY entry names.
 */
public final class PrincipalResolver implements PrincipalLookup {
    public static final int DEFAULT_MAX_DEPTH = 32;
    public static final int DEFAULT_MAX_GROUPS = 5_000;

    private final ResourceGuard guard;
    private final Users users;
    private final Groups groups;
    private final GroupEdges edges;
    private final int maxDepth;
    private final int maxGroups;

    public PrincipalResolver(MetadataStore store) {
        this(store, DEFAULT_MAX_DEPTH, DEFAULT_MAX_GROUPS);
    }

    public PrincipalResolver(MetadataStore store, int maxDepth, int maxGroups) {
        this.guard = new ResourceGuard(store);
        this.users = new Users(store, Clock.systemUTC());
        this.groups = new Groups(store, Clock.systemUTC());
        this.edges = new GroupEdges(store);
        this.maxDepth = maxDepth;
        this.maxGroups = maxGroups;
    }

    @Override
    public ResolvedPrincipals resolve(String applicationId, String indexId, String email) {
        guard.requireIndex(applicationId, indexId);
        String userId = StoreKeys.userKey(email);
        Optional<User> user = users.find(applicationId, userId);
        List<UserAlias> aliases = user.map(User::userAliases).orElse(List.of());
        Set<String> indexIds = new LinkedHashSet<>(List.of(userId));
        Map<String, Set<String>> dataSourceIds = new HashMap<>();
        for (UserAlias a : aliases) {
            if (a.appliesToIndex(indexId)) {
                indexIds.add(StoreKeys.userKey(a.userId()));
            } else if (a.dataSourceId() != null && a.appliesToDataSource(indexId, a.dataSourceId())) {
                dataSourceIds.computeIfAbsent(a.dataSourceId(), k -> new LinkedHashSet<>())
                        .add(StoreKeys.userKey(a.userId()));
            }
        }

        Map<GroupKey, ReachedGroup> reached = new HashMap<>();
        ArrayDeque<ReachedGroup> queue = new ArrayDeque<>();
        Set<String> allIds = new LinkedHashSet<>(indexIds);
        dataSourceIds.values().forEach(allIds::addAll);
        for (String id : allIds) {
            for (GroupEdge e : edges.groupsContainingUser(applicationId, indexId, id)) {
                if (userEntryMatches(e, id, indexIds, dataSourceIds)) {
                    visit(new ReachedGroup(e.group(), e.memberUserId(), List.of(e.group())), reached, queue);
                }
            }
        }
        while (!queue.isEmpty()) {
            ReachedGroup child = queue.poll();
            for (GroupEdge e : edges.groupsContainingGroup(applicationId, child.group())) {
                if (flows(child.group(), e.group())) {
                    List<GroupKey> path = new ArrayList<>(child.path());
                    path.add(e.group());
                    visit(new ReachedGroup(e.group(), child.viaUserId(), path), reached, queue);
                }
            }
        }

        Map<String, ReachedGroup> indexGroups = new HashMap<>();
        Map<String, Map<String, ReachedGroup>> dataSourceGroups = new HashMap<>();
        reached.forEach((key, why) -> {
            if (key.dataSourceId() == null) {
                indexGroups.put(key.groupName(), why);
            } else {
                dataSourceGroups.computeIfAbsent(key.dataSourceId(), k -> new HashMap<>()).put(key.groupName(), why);
            }
        });
        return new ResolvedPrincipals(applicationId, indexId, userId, user.isPresent(), aliases, indexIds,
                dataSourceIds, indexGroups, dataSourceGroups);
    }

    /**
     * A member-user entry names the user when: type INDEX and the id is one of the user's
     * index-wide ids; type DATASOURCE (only in a group of data source D) and the id is an
     * index-wide id or one of the user's aliases for D.
     */
    private static boolean userEntryMatches(GroupEdge e, String id, Set<String> indexIds,
                                            Map<String, Set<String>> dataSourceIds) {
        if (e.memberType() == MembershipType.INDEX) {
            return indexIds.contains(id);
        }
        String ds = e.group().dataSourceId();
        return ds != null && (indexIds.contains(id) || dataSourceIds.getOrDefault(ds, Set.of()).contains(id));
    }

    /** Membership of {@code child} counts in {@code parent} unless it would leave its data source. */
    static boolean flows(GroupKey child, GroupKey parent) {
        if (child.dataSourceId() == null) {
            return true; // an INDEX group may be a sub group of any group of the index
        }
        return child.dataSourceId().equals(parent.dataSourceId());
    }

    private void visit(ReachedGroup candidate, Map<GroupKey, ReachedGroup> reached, ArrayDeque<ReachedGroup> queue) {
        if (reached.containsKey(candidate.group()) || groups.find(candidate.group()).isEmpty()) {
            return; // seen already (shorter path kept; cycles end here), or the group no longer exists
        }
        if (candidate.path().size() > maxDepth) {
            throw limit("its groups are nested more than " + maxDepth + " levels deep");
        }
        if (reached.size() >= maxGroups) {
            throw limit("it belongs to more than " + maxGroups + " groups");
        }
        reached.put(candidate.group(), candidate);
        queue.add(candidate);
    }

    private static ApiError limit(String why) {
        return new ApiError(ErrorCode.ACCESS_DENIED, "Quire cannot resolve this user's group memberships because "
                + why + "; access is refused rather than decided on a partial list. Ask an administrator to flatten"
                + " the group hierarchy.");
    }
}

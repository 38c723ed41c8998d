package dev.quire.core.qbusiness.principals;

import dev.quire.core.qbusiness.users.UserAlias;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who a user is for one index, as document ACLs see it. All user ids are lower-cased.
 *
 * @param userId            the lower-cased email / user id that was resolved
 * @param inUserStore       whether the user store has this user (if not: no aliases, groups by id only)
 * @param aliases           the user's aliases as stored (all slots, for display)
 * @param indexUserIds      ids that name the user index-wide: the user id and global / this-index aliases
 * @param dataSourceUserIds per data source, the extra ids that name the user there (its aliases)
 * @param indexGroups       INDEX groups reached, by group name
 * @param dataSourceGroups  per data source id, the DATASOURCE groups reached there, by group name
 */
public record ResolvedPrincipals(String applicationId, String indexId, String userId, boolean inUserStore,
                                 List<UserAlias> aliases, Set<String> indexUserIds,
                                 Map<String, Set<String>> dataSourceUserIds, Map<String, ReachedGroup> indexGroups,
                                 Map<String, Map<String, ReachedGroup>> dataSourceGroups) {
    // Immutable all the way down: one instance is shared by every request the cache serves it to.
    public ResolvedPrincipals {
        aliases = List.copyOf(aliases);
        indexUserIds = Set.copyOf(indexUserIds);
        dataSourceUserIds = dataSourceUserIds.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
        indexGroups = Map.copyOf(indexGroups);
        dataSourceGroups = dataSourceGroups.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
    }

    /** The ids that name this user in a document of {@code dataSourceId} (null: a document of no data source). */
    public Set<String> userIdsFor(String dataSourceId) {
        Set<String> ids = new HashSet<>(indexUserIds);
        if (dataSourceId != null) {
            ids.addAll(dataSourceUserIds.getOrDefault(dataSourceId, Set.of()));
        }
        return ids;
    }

    public Set<String> indexGroupNames() {
        return indexGroups.keySet();
    }

    public Set<String> dataSourceGroupNames(String dataSourceId) {
        return dataSourceGroups.getOrDefault(dataSourceId, Map.of()).keySet();
    }

    /** Group names that hold for a document of {@code dataSourceId}: INDEX groups plus that data source's groups. */
    public Set<String> groupsFor(String dataSourceId) {
        Set<String> names = new HashSet<>(indexGroupNames());
        if (dataSourceId != null) {
            names.addAll(dataSourceGroupNames(dataSourceId));
        }
        return names;
    }

    /** Why the user is in a group: the data source's group of that name first, else the INDEX group. */
    public Optional<ReachedGroup> why(String groupName, String dataSourceId) {
        ReachedGroup local = dataSourceId == null ? null
                : dataSourceGroups.getOrDefault(dataSourceId, Map.of()).get(groupName);
        return Optional.ofNullable(local != null ? local : indexGroups.get(groupName));
    }
}

package dev.quire.core.qbusiness.groups;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.quire.core.qbusiness.PrincipalGeneration;
import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.core.qbusiness.users.DataSourceRefs;
import dev.quire.core.qbusiness.users.StoreKeys;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.store.ConcurrentUpdateException;
import dev.quire.spi.store.EntityExistsException;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.Page;
import dev.quire.spi.store.StoredEntity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PutGroup / GetGroup / ListGroups / DeleteGroup. A group record (kind {@value #KIND}, id
 * {@code <index>/<dataSourceId or ->/<sha256(name)>}, scope {@link #scope}) holds the inline
 * membership; {@link GroupEdges} holds the same facts indexed by member for resolution.
 */
public final class Groups {
    public static final String KIND = "qbusiness-group";
    public static final int MAX_INLINE_MEMBERS = 1000;
    static final int MAX_HISTORY = 10;
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final MetadataStore store;
    private final ResourceGuard guard;
    private final DataSourceRefs dataSources;
    private final GroupEdges edges;
    private final Clock clock;

    public Groups(MetadataStore store, Clock clock) {
        this.store = store;
        this.guard = new ResourceGuard(store);
        this.dataSources = new DataSourceRefs(store);
        this.edges = new GroupEdges(store);
        this.clock = clock;
    }

    /** Where the groups of an index live: index-wide ones, or those mapped for one data source. */
    public static String scope(String applicationId, String indexId, String dataSourceId) {
        return Scopes.index(applicationId, indexId) + "/groups" + (dataSourceId == null ? "" : "/" + dataSourceId);
    }

    /** PutGroup: creates the group or replaces its whole membership, synchronously. */
    public void put(String applicationId, String indexId, PutGroupRequest request) {
        guard.requireIndex(applicationId, indexId);
        Group group = GroupRules.normalize(request, clock.instant());
        if (request.dataSourceId() != null) {
            dataSources.require(applicationId, indexId, request.dataSourceId());
        }
        GroupKey key = new GroupKey(indexId, request.dataSourceId(), request.groupName());
        for (int attempt = 0; ; attempt++) {
            try {
                store.inTransaction(() -> replace(applicationId, key, group));
                return;
            } catch (ConcurrentUpdateException | EntityExistsException e) {
                if (attempt == 2) {
                    throw new ApiError(ErrorCode.CONFLICT, "The group " + key + " is being changed by another request;"
                            + " try again.", Map.of("resourceId", key.groupName(), "resourceType", "GROUP"));
                }
            }
        }
    }

    private Void replace(String applicationId, GroupKey key, Group group) {
        Optional<StoredEntity> old = store.get(KIND, id(key));
        List<GroupStatusEntry> history = new ArrayList<>(group.statusHistory());
        if (old.isPresent()) {
            Group previous = parse(old.get());
            edges.delete(key, previous);
            history.addAll(previous.statusHistory());
        }
        Group stored = new Group(group.groupName(), group.type(), group.dataSourceId(), group.memberUsers(),
                group.memberGroups(), history.subList(0, Math.min(MAX_HISTORY, history.size())), group.updatedAt());
        edges.write(applicationId, key, stored);
        if (old.isPresent()) {
            store.update(KIND, id(key), json(stored), old.get().version());
        } else {
            store.insert(KIND, id(key), scope(applicationId, key.indexId(), key.dataSourceId()), json(stored));
        }
        PrincipalGeneration.bump(store, applicationId);
        return null;
    }

    public Group get(String applicationId, String indexId, String groupName, String dataSourceId) {
        guard.requireIndex(applicationId, indexId);
        GroupKey key = new GroupKey(indexId, dataSourceId, groupName);
        return find(key).orElseThrow(() -> notFound(key));
    }

    /** The group, if it exists; no application or index check (for resolution). */
    public Optional<Group> find(GroupKey key) {
        return store.get(KIND, id(key)).map(Groups::parse);
    }

    /**
     * ListGroups: names of the index-wide groups (no dataSourceId) or of the groups mapped for
     * one data source, last changed before {@code updatedEarlierThan}; maxResults 1–10.
     */
    public Page<String> list(String applicationId, String indexId, Instant updatedEarlierThan, String dataSourceId,
                             String nextToken, Integer maxResults) {
        guard.requireIndex(applicationId, indexId);
        int limit = maxResults == null ? 10 : maxResults;
        if (limit < 1 || limit > 10) {
            throw ApiError.invalidField("maxResults", "maxResults must be between 1 and 10.");
        }
        String scope = scope(applicationId, indexId, dataSourceId);
        String after = decode(nextToken);
        List<String> names = new ArrayList<>();
        while (true) {
            List<StoredEntity> rows = store.list(KIND, scope, after, 100);
            for (StoredEntity row : rows) {
                if (names.size() == limit) {
                    return new Page<>(names, encode(after));
                }
                after = row.id();
                Group g = parse(row);
                if (g.updatedAt().isBefore(updatedEarlierThan)) {
                    names.add(g.groupName());
                }
            }
            if (rows.size() < 100) {
                return new Page<>(names, null);
            }
        }
    }

    /** DeleteGroup: the group and its membership facts; nested references to it stay (by name). */
    public void delete(String applicationId, String indexId, String groupName, String dataSourceId) {
        guard.requireIndex(applicationId, indexId);
        GroupKey key = new GroupKey(indexId, dataSourceId, groupName);
        store.inTransaction(() -> {
            StoredEntity entity = store.get(KIND, id(key)).orElseThrow(() -> notFound(key));
            edges.delete(key, parse(entity));
            store.delete(KIND, id(key));
            PrincipalGeneration.bump(store, applicationId);
            return null;
        });
    }

    static String id(GroupKey key) {
        return key.indexId() + "/" + (key.dataSourceId() == null ? "-" : key.dataSourceId()) + "/"
                + StoreKeys.sha256(key.groupName());
    }

    private static ApiError notFound(GroupKey key) {
        return ApiError.notFound("GROUP", key.groupName(), "The group " + key + " doesn't exist in index "
                + key.indexId() + ".");
    }

    private static String encode(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("g1:" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (raw.startsWith("g1:")) {
                return raw.substring(3);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the ValidationException
        }
        throw ApiError.invalidField("nextToken", "The nextToken is not valid.");
    }

    private static String json(Group group) {
        try {
            return JSON.writeValueAsString(group);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Group parse(StoredEntity entity) {
        try {
            return JSON.readValue(entity.json(), Group.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored group " + entity.id() + " is unreadable", e);
        }
    }
}

package dev.quire.core.qbusiness.groups;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.core.qbusiness.users.StoreKeys;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The reverse index of group membership: one record per (member, group) in scope
 * {@code app/<app>/index/<index>/edges/<sha256(member)>}, so the groups that directly contain a
 * user or a group are one scoped listing. Written and removed together with the group record.
 */
public final class GroupEdges {
    public static final String KIND = "qbusiness-group-edge";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 500;

    private final MetadataStore store;

    public GroupEdges(MetadataStore store) {
        this.store = store;
    }

    /** The groups that list this user id (any spelling) directly as a member user. */
    public List<GroupEdge> groupsContainingUser(String applicationId, String indexId, String userId) {
        return read(applicationId, indexId, userMemberKey(userId));
    }

    /** The groups that list {@code group} directly as a sub group. */
    public List<GroupEdge> groupsContainingGroup(String applicationId, GroupKey group) {
        return read(applicationId, group.indexId(), groupMemberKey(group));
    }

    void write(String applicationId, GroupKey group, Group members) {
        for (GroupEdge edge : edges(group, members)) {
            String memberKey = memberKey(edge);
            store.insert(KIND, id(group, edge, memberKey), scope(applicationId, group.indexId(), memberKey), json(edge));
        }
    }

    void delete(GroupKey group, Group members) {
        for (GroupEdge edge : edges(group, members)) {
            store.delete(KIND, id(group, edge, memberKey(edge)));
        }
    }

    /** The edges a group's membership stands for, one per distinct member (duplicates collapse). */
    static List<GroupEdge> edges(GroupKey group, Group members) {
        List<GroupEdge> edges = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MemberUser u : members.memberUsers()) {
            GroupEdge e = new GroupEdge(group, u.type(), u.userId(), null);
            if (seen.add(memberKey(e) + "|" + u.type())) {
                edges.add(e);
            }
        }
        for (MemberGroup g : members.memberGroups()) {
            GroupKey child = new GroupKey(group.indexId(),
                    g.type() == MembershipType.DATASOURCE ? group.dataSourceId() : null, g.groupName());
            GroupEdge e = new GroupEdge(group, g.type(), null, child);
            if (seen.add(memberKey(e) + "|" + g.type())) {
                edges.add(e);
            }
        }
        return edges;
    }

    private List<GroupEdge> read(String applicationId, String indexId, String memberKey) {
        String scope = scope(applicationId, indexId, memberKey);
        List<GroupEdge> out = new ArrayList<>();
        String after = null;
        while (true) {
            List<StoredEntity> rows = store.list(KIND, scope, after, PAGE);
            for (StoredEntity row : rows) {
                out.add(parse(row));
            }
            if (rows.size() < PAGE) {
                return out;
            }
            after = rows.get(rows.size() - 1).id();
        }
    }

    private static String memberKey(GroupEdge e) {
        return e.memberUserId() != null ? userMemberKey(e.memberUserId()) : groupMemberKey(e.memberGroup());
    }

    static String userMemberKey(String userId) {
        return "u:" + StoreKeys.userKey(userId);
    }

    static String groupMemberKey(GroupKey g) {
        return "g:" + (g.dataSourceId() == null ? "-" : g.dataSourceId()) + ":" + g.groupName();
    }

    private static String id(GroupKey group, GroupEdge edge, String memberKey) {
        return group.indexId() + "/" + StoreKeys.sha256(memberKey) + "/"
                + StoreKeys.sha256(groupMemberKey(group) + "|" + edge.memberType());
    }

    private static String scope(String applicationId, String indexId, String memberKey) {
        return Scopes.index(applicationId, indexId) + "/edges/" + StoreKeys.sha256(memberKey);
    }

    private static String json(GroupEdge edge) {
        try {
            return JSON.writeValueAsString(edge);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GroupEdge parse(StoredEntity row) {
        try {
            return JSON.readValue(row.json(), GroupEdge.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored group edge " + row.id() + " is unreadable", e);
        }
    }
}

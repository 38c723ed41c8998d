package dev.quire.core.qbusiness.groups;

import dev.quire.spi.error.ApiError;
import java.time.Instant;
import java.util.List;

/**
 * How PutGroup's type, dataSourceId and member types combine (docs/user-store.md):
 * <ul>
 *   <li>type DATASOURCE needs a dataSourceId; type INDEX must not have one (a group is either
 *       index-wide or mapped for exactly one data source, never silently both);</li>
 *   <li>a member without a type takes the group's type;</li>
 *   <li>a DATASOURCE member (a data-source-local user id or a data-source group) only makes sense
 *       inside a DATASOURCE group, whose data source gives it meaning: inside an INDEX group it
 *       is rejected rather than guessed;</li>
 *   <li>at most 1,000 inline members (users and groups together).</li>
 * </ul>
 */
final class GroupRules {
    private GroupRules() {
    }

    static Group normalize(PutGroupRequest r, Instant now) {
        if (r.type() == MembershipType.DATASOURCE && r.dataSourceId() == null) {
            throw ApiError.invalidField("dataSourceId", "A group of type DATASOURCE needs a dataSourceId.");
        }
        if (r.type() == MembershipType.INDEX && r.dataSourceId() != null) {
            throw ApiError.invalidField("dataSourceId", "dataSourceId is only allowed for a group of type DATASOURCE;"
                    + " an INDEX group applies to every data source of the index.");
        }
        int count = r.memberUsers().size() + r.memberGroups().size();
        if (count > Groups.MAX_INLINE_MEMBERS) {
            throw ApiError.invalidField("groupMembers", "A group may have at most " + Groups.MAX_INLINE_MEMBERS
                    + " inline members (memberUsers and memberGroups together); it has " + count + ".");
        }
        List<MemberUser> users = r.memberUsers().stream()
                .map(u -> new MemberUser(u.userId(), typeIn(r.type(), u.type(), "memberUsers"))).toList();
        List<MemberGroup> groups = r.memberGroups().stream()
                .map(g -> new MemberGroup(g.groupName(), typeIn(r.type(), g.type(), "memberGroups"))).toList();
        return new Group(r.groupName(), r.type(), r.dataSourceId(), users, groups,
                List.of(new GroupStatusEntry("SUCCEEDED", now)), now);
    }

    private static MembershipType typeIn(MembershipType groupType, MembershipType memberType, String list) {
        MembershipType t = memberType == null ? groupType : memberType;
        if (t == MembershipType.DATASOURCE && groupType == MembershipType.INDEX) {
            throw ApiError.invalidField("groupMembers", "groupMembers." + list + " has a member of type DATASOURCE"
                    + " in a group of type INDEX; data-source members belong in a DATASOURCE group of that data source.");
        }
        return t;
    }
}

package dev.quire.server.api.qbusiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.qbusiness.groups.Group;
import dev.quire.core.qbusiness.groups.GroupStatusEntry;
import dev.quire.core.qbusiness.groups.Groups;
import dev.quire.core.qbusiness.groups.MemberGroup;
import dev.quire.core.qbusiness.groups.MemberUser;
import dev.quire.core.qbusiness.groups.MembershipType;
import dev.quire.core.qbusiness.groups.PutGroupRequest;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.restjson.JsonResponses;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.store.Page;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Groups of the user store: PutGroup, GetGroup, ListGroups, DeleteGroup. */
public final class GroupsArea implements QBusinessArea {
    private static final List<String> TYPES = List.of("INDEX", "DATASOURCE");

    private final Groups groups;

    public GroupsArea(Groups groups) {
        this.groups = groups;
    }

    @Override
    public Map<String, QBusinessOperation> operations() {
        return Map.of("PutGroup", this::put, "GetGroup", this::get, "ListGroups", this::list,
                "DeleteGroup", this::delete);
    }

    private WireResponse put(QBusinessCall call) {
        JsonInput body = call.body();
        String name = body.requiredString("groupName", 1, 1024);
        String type = body.enumValue("type", TYPES);
        if (type == null) {
            throw ApiError.invalidField("type", "type is required.");
        }
        String dataSourceId = body.string("dataSourceId", 36, 36);
        body.string("roleArn", 0, 1284);
        ObjectNode members = body.object("groupMembers");
        if (members == null) {
            throw ApiError.invalidField("groupMembers", "groupMembers is required.");
        }
        JsonInput m = new JsonInput(members);
        if (m.has("s3PathForGroupMembers")) {
            throw ApiError.invalidField("groupMembers.s3PathForGroupMembers", "Quire does not read group members from"
                    + " S3; pass up to " + Groups.MAX_INLINE_MEMBERS + " members inline in memberUsers/memberGroups.");
        }
        List<MemberUser> users = new ArrayList<>();
        List<JsonNode> userItems = m.list("memberUsers", Groups.MAX_INLINE_MEMBERS);
        for (int i = 0; i < userItems.size(); i++) {
            JsonInput item = item(userItems.get(i), "groupMembers.memberUsers[" + i + "]");
            String at = "groupMembers.memberUsers[" + i + "]";
            users.add(new MemberUser(UsersArea.named(at + ".userId", () -> item.requiredString("userId", 1, 1024)),
                    memberType(item, at)));
        }
        List<MemberGroup> subGroups = new ArrayList<>();
        List<JsonNode> groupItems = m.list("memberGroups", Groups.MAX_INLINE_MEMBERS);
        for (int i = 0; i < groupItems.size(); i++) {
            String at = "groupMembers.memberGroups[" + i + "]";
            JsonInput item = item(groupItems.get(i), at);
            subGroups.add(new MemberGroup(UsersArea.named(at + ".groupName",
                    () -> item.requiredString("groupName", 1, 1024)), memberType(item, at)));
        }
        groups.put(call.label("applicationId"), call.label("indexId"),
                new PutGroupRequest(name, MembershipType.valueOf(type), dataSourceId, users, subGroups));
        return JsonResponses.ok(JsonResponses.object());
    }

    private WireResponse get(QBusinessCall call) {
        Group g = groups.get(call.label("applicationId"), call.label("indexId"), call.label("groupName"),
                call.input().queryParam("dataSourceId"));
        ObjectNode body = JsonResponses.object();
        status(body.putObject("status"), g.statusHistory().get(0));
        ArrayNode history = body.putArray("statusHistory");
        g.statusHistory().forEach(s -> status(history.addObject(), s));
        return JsonResponses.ok(body);
    }

    private WireResponse list(QBusinessCall call) {
        String cutoff = call.input().queryParam("updatedEarlierThan");
        if (cutoff == null) {
            throw ApiError.invalidField("updatedEarlierThan", "updatedEarlierThan is required.");
        }
        Instant updatedEarlierThan;
        try {
            updatedEarlierThan = Instant.parse(cutoff);
        } catch (DateTimeParseException e) {
            throw ApiError.invalidField("updatedEarlierThan", "updatedEarlierThan must be an ISO-8601 date-time.");
        }
        Page<String> page = groups.list(call.label("applicationId"), call.label("indexId"), updatedEarlierThan,
                call.input().queryParam("dataSourceId"), call.input().queryParam("nextToken"),
                QueryInput.integer(call, "maxResults"));
        ObjectNode body = JsonResponses.object();
        ArrayNode items = body.putArray("items");
        page.items().forEach(n -> items.addObject().put("groupName", n));
        if (page.nextToken() != null) {
            body.put("nextToken", page.nextToken());
        }
        return JsonResponses.ok(body);
    }

    private WireResponse delete(QBusinessCall call) {
        groups.delete(call.label("applicationId"), call.label("indexId"), call.label("groupName"),
                call.input().queryParam("dataSourceId"));
        return JsonResponses.ok(JsonResponses.object());
    }

    private static JsonInput item(JsonNode node, String at) {
        if (!node.isObject()) {
            throw ApiError.invalidField(at, at + " must be an object.");
        }
        return new JsonInput(node);
    }

    private static MembershipType memberType(JsonInput item, String at) {
        String t = UsersArea.named(at + ".type", () -> item.enumValue("type", TYPES));
        return t == null ? null : MembershipType.valueOf(t);
    }

    private static void status(ObjectNode node, GroupStatusEntry s) {
        node.put("status", s.status());
        JsonResponses.putTimestamp(node, "lastUpdatedAt", s.lastUpdatedAt());
    }
}

package dev.quire.server.api.qbusiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.qbusiness.users.UserAlias;
import dev.quire.core.qbusiness.users.UserAliasChanges;
import dev.quire.core.qbusiness.users.Users;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.restjson.JsonResponses;
import dev.quire.spi.error.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The user store: CreateUser, GetUser, UpdateUser, DeleteUser. */
public final class UsersArea implements QBusinessArea {
    static final int MAX_USER_ID = 2048;

    private final Users users;

    public UsersArea(Users users) {
        this.users = users;
    }

    @Override
    public Map<String, QBusinessOperation> operations() {
        return Map.of("CreateUser", this::create, "GetUser", this::get, "UpdateUser", this::update,
                "DeleteUser", this::delete);
    }

    private WireResponse create(QBusinessCall call) {
        JsonInput body = call.body();
        String userId = body.requiredString("userId", 1, MAX_USER_ID);
        List<UserAlias> aliases = aliases(body, "userAliases");
        String token = body.string("clientToken", 1, 100);
        users.create(call.label("applicationId"), userId, aliases, token);
        return JsonResponses.ok(JsonResponses.object());
    }

    private WireResponse get(QBusinessCall call) {
        var user = users.get(call.label("applicationId"), call.label("userId"));
        ObjectNode body = JsonResponses.object();
        putAliases(body, "userAliases", user.userAliases());
        return JsonResponses.ok(body);
    }

    private WireResponse update(QBusinessCall call) {
        JsonInput body = call.body();
        UserAliasChanges changes = users.update(call.label("applicationId"), call.label("userId"),
                aliases(body, "userAliasesToUpdate"), aliases(body, "userAliasesToDelete"));
        ObjectNode out = JsonResponses.object();
        putAliases(out, "userAliasesAdded", changes.added());
        putAliases(out, "userAliasesUpdated", changes.updated());
        putAliases(out, "userAliasesDeleted", changes.deleted());
        return JsonResponses.ok(out);
    }

    private WireResponse delete(QBusinessCall call) {
        users.delete(call.label("applicationId"), call.label("userId"));
        return JsonResponses.ok(JsonResponses.object());
    }

    /** A list of UserAlias {indexId?, dataSourceId?, userId}, each member checked by name. */
    static List<UserAlias> aliases(JsonInput body, String field) {
        List<UserAlias> out = new ArrayList<>();
        List<JsonNode> items = body.list(field, Users.MAX_ALIASES);
        for (int i = 0; i < items.size(); i++) {
            String at = field + "[" + i + "]";
            if (!items.get(i).isObject()) {
                throw ApiError.invalidField(at, at + " must be an object.");
            }
            JsonInput item = new JsonInput(items.get(i));
            out.add(new UserAlias(id(item, at, "indexId"), id(item, at, "dataSourceId"),
                    named(at + ".userId", () -> item.requiredString("userId", 1, MAX_USER_ID))));
        }
        return out;
    }

    private static String id(JsonInput item, String at, String member) {
        return named(at + "." + member, () -> item.string(member, 36, 36));
    }

    /** Runs a read of a nested member and renames the field its ValidationException names. */
    static <T> T named(String path, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (ApiError e) {
            throw ApiError.invalidField(path, path + ": " + e.getMessage());
        }
    }

    static void putAliases(ObjectNode body, String field, List<UserAlias> aliases) {
        ArrayNode list = body.putArray(field);
        for (UserAlias a : aliases) {
            ObjectNode n = list.addObject();
            if (a.indexId() != null) {
                n.put("indexId", a.indexId());
            }
            if (a.dataSourceId() != null) {
                n.put("dataSourceId", a.dataSourceId());
            }
            n.put("userId", a.userId());
        }
    }
}

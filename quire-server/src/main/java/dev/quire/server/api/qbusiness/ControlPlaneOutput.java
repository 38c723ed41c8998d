package dev.quire.server.api.qbusiness;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.qbusiness.tags.Tag;
import dev.quire.protocol.restjson.JsonResponses;
import dev.quire.protocol.http.WireResponse;
import java.util.List;

/** Small helpers for control-plane response bodies: optional members are left out, never sent as null. */
final class ControlPlaneOutput {
    private ControlPlaneOutput() {
    }

    static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** {@code {"<member>": value}} under {@code field}, when value is set. */
    static void putWrapped(ObjectNode node, String field, String member, String value) {
        if (value != null) {
            node.putObject(field).put(member, value);
        }
    }

    static void putStrings(ObjectNode node, String field, List<String> values) {
        if (values != null) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }

    static void putTags(ObjectNode node, String field, List<Tag> tags) {
        ArrayNode array = node.putArray(field);
        tags.forEach(t -> array.addObject().put("key", t.key()).put("value", t.value()));
    }

    static void putNextToken(ObjectNode node, String nextToken) {
        put(node, "nextToken", nextToken);
    }

    static WireResponse empty() {
        return JsonResponses.ok(JsonResponses.object());
    }
}

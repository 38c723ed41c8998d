package dev.quire.server.api.qbusiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.qbusiness.documents.AttributeValue;
import dev.quire.core.qbusiness.documents.DocumentInput;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.index.AccessControl;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one BatchPutDocument {@code documents[i]}. Problems throw an ApiError whose message the
 * caller turns into that document's FailedDocument (the rest of the batch goes on).
 */
final class DocumentWire {
    static final List<String> CONTENT_TYPES = List.of("PDF", "HTML", "MS_WORD", "PLAIN_TEXT", "PPT", "RTF", "XML",
            "XSLT", "MS_EXCEL", "CSV", "JSON", "MD");

    private DocumentWire() {
    }

    static DocumentInput read(String id, JsonInput in) {
        String title = in.string("title", 1, 1024);
        String contentType = in.enumValue("contentType", CONTENT_TYPES);
        byte[] content = content(in.object("content"));
        Map<String, AttributeValue> attributes = attributes(in.list("attributes", 500));
        AccessControl acl = access(in.object("accessConfiguration"));
        in.object("documentEnrichmentConfiguration"); // accepted, not applied yet
        in.object("mediaExtractionConfiguration");    // accepted: text is all Quire extracts
        return new DocumentInput(id, title, contentType, content, attributes, acl);
    }

    private static byte[] content(ObjectNode content) {
        if (content == null) {
            return new byte[0];
        }
        if (content.size() != 1) {
            throw ApiError.invalidField("content", "content must have exactly one of blob or s3.");
        }
        if (content.has("s3")) {
            throw ApiError.invalidField("content.s3", "Documents in S3 are not supported by Quire yet (there is no"
                    + " S3 connection); send the bytes inline as content.blob.");
        }
        JsonNode blob = content.get("blob");
        if (blob == null || !blob.isTextual()) {
            throw ApiError.invalidField("content", "content must have exactly one of blob or s3.");
        }
        try {
            return Base64.getDecoder().decode(blob.asText());
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidField("content.blob", "content.blob is not valid base64.");
        }
    }

    private static Map<String, AttributeValue> attributes(List<JsonNode> list) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (JsonNode a : list) {
            JsonInput attr = new JsonInput(a);
            String name = attr.requiredString("name", 1, 200);
            ObjectNode v = attr.object("value");
            if (v == null || v.size() != 1) {
                throw ApiError.invalidField("attributes.value", "Attribute " + name
                        + " must have exactly one of stringValue, stringListValue, longValue, dateValue.");
            }
            JsonInput value = new JsonInput(v);
            AttributeValue parsed;
            if (v.has("stringValue")) {
                parsed = new AttributeValue(value.requiredString("stringValue", 0, 2048), null, null, null);
            } else if (v.has("stringListValue")) {
                parsed = new AttributeValue(null, value.stringList("stringListValue", 2048, 2048), null, null);
            } else if (v.has("longValue") && v.get("longValue").canConvertToLong()) {
                parsed = new AttributeValue(null, null, v.get("longValue").asLong(), null);
            } else if (v.has("dateValue") && v.get("dateValue").isNumber()) {
                BigDecimal ms = v.get("dateValue").decimalValue().movePointRight(3);
                parsed = new AttributeValue(null, null, null, Instant.ofEpochMilli(ms.longValue()));
            } else {
                throw ApiError.invalidField("attributes.value", "Attribute " + name + " has an unreadable value.");
            }
            if (out.put(name, parsed) != null) {
                throw ApiError.invalidField("attributes.name", "Attribute " + name + " appears twice.");
            }
        }
        return out;
    }

    static AccessControl access(ObjectNode config) {
        if (config == null) {
            return AccessControl.UNRESTRICTED;
        }
        JsonInput in = new JsonInput(config);
        List<JsonNode> controls = in.list("accessControls", 1000);
        if (controls.isEmpty()) {
            throw ApiError.invalidField("accessConfiguration.accessControls", "accessControls must list at least one"
                    + " access control; leave accessConfiguration out to let every user read the document.");
        }
        List<AccessControl.ControlList> lists = new ArrayList<>();
        for (JsonNode c : controls) {
            JsonInput control = new JsonInput(c);
            List<JsonNode> principals = control.list("principals", 1000);
            if (principals.isEmpty()) {
                throw ApiError.invalidField("accessConfiguration.accessControls.principals",
                        "Every access control must list at least one principal.");
            }
            List<AccessControl.Principal> out = new ArrayList<>();
            for (JsonNode p : principals) {
                out.add(principal(p));
            }
            lists.add(new AccessControl.ControlList(out, relation(control)));
        }
        return new AccessControl(lists, relation(in));
    }

    private static AccessControl.Principal principal(JsonNode node) {
        if (!node.isObject() || node.size() != 1 || !(node.has("user") || node.has("group"))) {
            throw ApiError.invalidField("principals", "A principal must have exactly one of user or group.");
        }
        boolean user = node.has("user");
        JsonInput p = new JsonInput(node.get(user ? "user" : "group"));
        String name = p.requiredString(user ? "id" : "name", 1, 1024);
        String access = p.enumValue("access", List.of("ALLOW", "DENY"));
        if (access == null) {
            throw ApiError.invalidField("access", "Every principal needs access ALLOW or DENY.");
        }
        String membership = p.enumValue("membershipType", List.of("INDEX", "DATASOURCE"));
        return new AccessControl.Principal(user ? AccessControl.PrincipalType.USER : AccessControl.PrincipalType.GROUP,
                name, AccessControl.Access.valueOf(access),
                membership == null ? null : AccessControl.MembershipType.valueOf(membership));
    }

    private static AccessControl.MemberRelation relation(JsonInput in) {
        String r = in.enumValue("memberRelation", List.of("AND", "OR"));
        return r == null ? null : AccessControl.MemberRelation.valueOf(r);
    }
}

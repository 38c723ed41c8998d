package dev.quire.server.api.qbusiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.qbusiness.tags.Tag;
import dev.quire.protocol.JsonCodec;
import dev.quire.spi.error.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Typed reads of a JSON object that may be nested in the request body. ValidationExceptions name
 * the member by its full path (e.g. {@code capacityConfiguration.units}) so the caller knows
 * exactly what to fix.
 */
final class ControlPlaneInput {
    /** Smithy's {@code \P{C}*}: no control or format characters. */
    private static final Pattern PRINTABLE = Pattern.compile("\\P{C}*");
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]*");

    private final ObjectNode node;
    private final String prefix;

    private ControlPlaneInput(ObjectNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** The request body; GET and DELETE requests have none, which reads as {@code {}}. */
    static ControlPlaneInput body(QBusinessCall call) {
        JsonNode body = call.input().body();
        if (body == null || body.isNull() || body.isMissingNode()) {
            return new ControlPlaneInput(JsonCodec.MAPPER.createObjectNode(), "");
        }
        if (!(body instanceof ObjectNode o)) {
            throw ApiError.cannotParse("The request body must be a JSON object.");
        }
        return new ControlPlaneInput(o, "");
    }

    String path(String field) {
        return prefix + field;
    }

    boolean has(String field) {
        JsonNode n = node.get(field);
        return n != null && !n.isNull();
    }

    ApiError invalid(String field, String message) {
        return ApiError.invalidField(path(field), path(field) + " " + message);
    }

    String string(String field, int min, int max) {
        if (!has(field)) {
            return null;
        }
        JsonNode n = node.get(field);
        if (!n.isTextual()) {
            throw invalid(field, "must be a string.");
        }
        return checked(field, n.asText(), min, max);
    }

    String requiredString(String field, int min, int max) {
        String v = string(field, min, max);
        if (v == null) {
            throw invalid(field, "is required.");
        }
        return v;
    }

    private String checked(String field, String v, int min, int max) {
        if (v.length() < min || v.length() > max) {
            throw invalid(field, "must have length between " + min + " and " + max + ".");
        }
        if (!PRINTABLE.matcher(v).matches()) {
            throw invalid(field, "must not contain control characters.");
        }
        return v;
    }

    /** A resource display name: 1–1000 characters, {@code [a-zA-Z0-9][a-zA-Z0-9_-]*} as in AWS. */
    String name(String field) {
        String v = string(field, 1, 1000);
        if (v != null && !NAME.matcher(v).matches()) {
            throw invalid(field, "must start with a letter or digit and hold only letters, digits, _ and -.");
        }
        return v;
    }

    String requiredName(String field) {
        String v = name(field);
        if (v == null) {
            throw invalid(field, "is required.");
        }
        return v;
    }

    String enumValue(String field, List<String> allowed) {
        String v = string(field, 1, 256);
        if (v != null && !allowed.contains(v)) {
            throw invalid(field, "must be one of " + allowed + ".");
        }
        return v;
    }

    String requiredEnum(String field, List<String> allowed) {
        String v = enumValue(field, allowed);
        if (v == null) {
            throw invalid(field, "is required.");
        }
        return v;
    }

    Integer integer(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode n = node.get(field);
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw invalid(field, "must be an integer.");
        }
        return n.intValue();
    }

    ControlPlaneInput object(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode n = node.get(field);
        if (!(n instanceof ObjectNode o)) {
            throw invalid(field, "must be an object.");
        }
        return new ControlPlaneInput(o, path(field) + ".");
    }

    ControlPlaneInput requiredObject(String field) {
        ControlPlaneInput v = object(field);
        if (v == null) {
            throw invalid(field, "is required.");
        }
        return v;
    }

    /** A union member: exactly one of {@code members} must be set. */
    String unionMember(String field, List<String> members) {
        List<String> set = members.stream().filter(this::has).toList();
        if (set.size() != 1) {
            throw ApiError.invalidField(prefix.isEmpty() ? field : prefix.substring(0, prefix.length() - 1),
                    (prefix.isEmpty() ? field : prefix.substring(0, prefix.length() - 1))
                            + " must set exactly one of " + members + ".");
        }
        return set.get(0);
    }

    List<ControlPlaneInput> objects(String field, int maxItems) {
        List<ControlPlaneInput> out = new ArrayList<>();
        int i = 0;
        for (JsonNode item : array(field, maxItems)) {
            if (!(item instanceof ObjectNode o)) {
                throw invalid(field, "must hold objects.");
            }
            out.add(new ControlPlaneInput(o, path(field) + "[" + i++ + "]."));
        }
        return out;
    }

    /** A list of strings, or null when the member is absent (so updates can tell "unchanged" from "clear"). */
    List<String> strings(String field, int maxItems, int minLength, int maxLength) {
        if (!has(field)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : array(field, maxItems)) {
            if (!item.isTextual()) {
                throw invalid(field, "must hold strings.");
            }
            out.add(checked(field, item.asText(), minLength, maxLength));
        }
        return out;
    }

    private List<JsonNode> array(String field, int maxItems) {
        if (!has(field)) {
            return List.of();
        }
        JsonNode n = node.get(field);
        if (!n.isArray()) {
            throw invalid(field, "must be a list.");
        }
        if (n.size() > maxItems) {
            throw invalid(field, "may have at most " + maxItems + " items.");
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    JsonNode raw(String field) {
        return node.get(field);
    }

    /** The {@code tags} member: up to 200 on create (AWS), keys 1–128, values 0–256, no {@code aws:} prefix. */
    List<Tag> tags(String field) {
        List<Tag> out = new ArrayList<>();
        for (ControlPlaneInput t : objects(field, 200)) {
            String key = t.requiredString("key", 1, 128);
            String value = t.requiredString("value", 0, 256);
            if (!TAG_TEXT.matcher(key).matches() || !TAG_TEXT.matcher(value).matches()) {
                throw invalid(field, "keys and values may hold letters, digits, spaces and _.:/=+-@ only.");
            }
            if (key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
                throw invalid(field, "keys must not start with aws: (reserved for AWS).");
            }
            out.add(new Tag(key, value));
        }
        return out;
    }
}

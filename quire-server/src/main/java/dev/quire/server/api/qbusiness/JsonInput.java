package dev.quire.server.api.qbusiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.spi.error.ApiError;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of a restJson body member with qbusiness ValidationExceptions that name the
 * member ({@code fields[].name}), so a client can tell exactly what to fix.
 */
public final class JsonInput {
    private final ObjectNode body;

    public JsonInput(JsonNode body) {
        this.body = body instanceof ObjectNode o ? o : null;
        if (this.body == null) {
            throw ApiError.cannotParse("The request body must be a JSON object.");
        }
    }

    public ObjectNode node() {
        return body;
    }

    public boolean has(String field) {
        JsonNode n = body.get(field);
        return n != null && !n.isNull();
    }

    /** A string member of {@code min}…{@code max} characters, or null when absent. */
    public String string(String field, int min, int max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw ApiError.invalidField(field, field + " must be a string.");
        }
        String v = n.asText();
        if (v.length() < min || v.length() > max) {
            throw ApiError.invalidField(field, field + " must have length between " + min + " and " + max + ".");
        }
        return v;
    }

    public String requiredString(String field, int min, int max) {
        String v = string(field, min, max);
        if (v == null) {
            throw ApiError.invalidField(field, field + " is required.");
        }
        return v;
    }

    public Integer integer(String field, int min, int max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
            throw ApiError.invalidField(field, field + " must be an integer between " + min + " and " + max + ".");
        }
        return n.intValue();
    }

    public Boolean bool(String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw ApiError.invalidField(field, field + " must be a boolean.");
        }
        return n.asBoolean();
    }

    /** An enum member: the value must be one of {@code allowed}. */
    public String enumValue(String field, List<String> allowed) {
        String v = string(field, 1, 256);
        if (v != null && !allowed.contains(v)) {
            throw ApiError.invalidField(field, field + " must be one of " + allowed + ".");
        }
        return v;
    }

    /** A JSON timestamp: epoch seconds, possibly fractional (API-REFERENCE §1.3). */
    public Instant timestamp(String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw ApiError.invalidField(field, field + " must be a timestamp in epoch seconds.");
        }
        BigDecimal millis = n.decimalValue().movePointRight(3);
        return Instant.ofEpochMilli(millis.longValue());
    }

    public ObjectNode object(String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw ApiError.invalidField(field, field + " must be an object.");
        }
        return (ObjectNode) n;
    }

    public List<JsonNode> list(String field, int maxItems) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw ApiError.invalidField(field, field + " must be a list.");
        }
        if (n.size() > maxItems) {
            throw ApiError.invalidField(field, field + " may have at most " + maxItems + " items.");
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    public List<String> stringList(String field, int maxItems, int maxLength) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : list(field, maxItems)) {
            if (!item.isTextual() || item.asText().isEmpty() || item.asText().length() > maxLength) {
                throw ApiError.invalidField(field, field + " must hold strings of 1 to " + maxLength + " characters.");
            }
            out.add(item.asText());
        }
        return out;
    }
}

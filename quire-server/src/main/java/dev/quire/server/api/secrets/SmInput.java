package dev.quire.server.api.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.secrets.ListFilter;
import dev.quire.core.secrets.SecretTag;
import dev.quire.core.secrets.SecretValue;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads the members of a Secrets Manager request body, refusing wrong JSON types with
 * InvalidParameterException. Messages name the member, never its value.
 */
final class SmInput {
    private final ObjectNode body;

    SmInput(ObjectNode body) {
        this.body = body;
    }

    String text(String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw invalid(field + " must be a string.");
        }
        return n.asText();
    }

    String requiredText(String field) {
        String value = text(field);
        if (value == null) {
            throw invalid("You must provide a value for the " + field + " parameter.");
        }
        return value;
    }

    Integer integer(String field) {
        Long value = longValue(field);
        if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            throw invalid(field + " is out of range.");
        }
        return value == null ? null : value.intValue();
    }

    Long longValue(String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw invalid(field + " must be an integer.");
        }
        return n.longValue();
    }

    boolean bool(String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return false;
        }
        if (!n.isBoolean()) {
            throw invalid(field + " must be a boolean.");
        }
        return n.booleanValue();
    }

    /** SecretString or SecretBinary (base64), never both; null when neither is present. */
    SecretValue value() {
        String string = text("SecretString");
        String binary = text("SecretBinary");
        if (string != null && binary != null) {
            throw invalid("You can't specify both a binary secret value and a string secret value in the same secret.");
        }
        if (binary != null) {
            try {
                return SecretValue.ofBinary(Base64.getDecoder().decode(binary));
            } catch (IllegalArgumentException e) {
                throw invalid("SecretBinary must be base64.");
            }
        }
        return string == null ? null : SecretValue.ofString(string);
    }

    List<String> strings(String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw invalid(field + " must be a list of strings.");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : n) {
            if (!item.isTextual()) {
                throw invalid(field + " must be a list of strings.");
            }
            out.add(item.asText());
        }
        return out;
    }

    List<SecretTag> tags(String field) {
        List<SecretTag> out = new ArrayList<>();
        for (ObjectNode tag : objects(field)) {
            SmInput t = new SmInput(tag);
            String key = t.text("Key");
            if (key == null) {
                throw invalid("Every tag must have a Key.");
            }
            out.add(new SecretTag(key, t.text("Value")));
        }
        return out;
    }

    List<ListFilter> filters() {
        List<ListFilter> out = new ArrayList<>();
        for (ObjectNode filter : objects("Filters")) {
            SmInput f = new SmInput(filter);
            List<String> values = f.strings("Values");
            out.add(new ListFilter(f.text("Key"), values == null ? List.of() : values));
        }
        return out;
    }

    private List<ObjectNode> objects(String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw invalid(field + " must be a list.");
        }
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode item : n) {
            if (!(item instanceof ObjectNode o)) {
                throw invalid(field + " must be a list of objects.");
            }
            out.add(o);
        }
        return out;
    }

    static ApiError invalid(String message) {
        return new ApiError(ErrorCode.SM_INVALID_PARAMETER, message);
    }
}

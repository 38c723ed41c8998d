package dev.quire.core.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.search.AttributeFilter;
import dev.quire.spi.search.AttributeValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The wire AttributeFilter (exactly one of andAllFilters, orAllFilters, notFilter, equalsTo,
 * containsAll, containsAny, greaterThan, greaterThanOrEquals, lessThan, lessThanOrEquals) as the
 * search port's tree. Errors name the member path, e.g. {@code attributeFilter.andAllFilters[1].equalsTo.value}.
 */
public final class AttributeFilters {
    static final int MAX_DEPTH = 10;
    private static final Map<String, AttributeFilter.Operator> LEAVES = Map.of(
            "equalsTo", AttributeFilter.Operator.EQUALS_TO,
            "containsAll", AttributeFilter.Operator.CONTAINS_ALL,
            "containsAny", AttributeFilter.Operator.CONTAINS_ANY,
            "greaterThan", AttributeFilter.Operator.GREATER_THAN,
            "greaterThanOrEquals", AttributeFilter.Operator.GREATER_THAN_OR_EQUALS,
            "lessThan", AttributeFilter.Operator.LESS_THAN,
            "lessThanOrEquals", AttributeFilter.Operator.LESS_THAN_OR_EQUALS);

    private AttributeFilters() {
    }

    /** null or JSON null → null (no filter). */
    public static AttributeFilter fromJson(JsonNode node) {
        return node == null || node.isNull() ? null : parse(node, "attributeFilter", 0);
    }

    private static AttributeFilter parse(JsonNode node, String path, int depth) {
        if (!node.isObject()) {
            throw invalid(path, "must be an object.");
        }
        if (depth > MAX_DEPTH) {
            throw invalid(path, "is nested deeper than " + MAX_DEPTH + " levels.");
        }
        List<String> set = new ArrayList<>();
        node.fields().forEachRemaining(f -> {
            if (!f.getValue().isNull()) {
                set.add(f.getKey());
            }
        });
        if (set.size() != 1) {
            throw invalid(path, "must set exactly one of andAllFilters, orAllFilters, notFilter, equalsTo,"
                    + " containsAll, containsAny, greaterThan, greaterThanOrEquals, lessThan, lessThanOrEquals.");
        }
        String member = set.get(0);
        JsonNode value = node.get(member);
        String at = path + "." + member;
        switch (member) {
            case "andAllFilters":
                return new AttributeFilter.And(list(value, at, depth));
            case "orAllFilters":
                return new AttributeFilter.Or(list(value, at, depth));
            case "notFilter":
                return new AttributeFilter.Not(parse(value, at, depth + 1));
            default:
                AttributeFilter.Operator op = LEAVES.get(member);
                if (op == null) {
                    throw invalid(at, "is not an AttributeFilter member.");
                }
                return leaf(op, value, at);
        }
    }

    private static List<AttributeFilter> list(JsonNode value, String path, int depth) {
        if (!value.isArray() || value.isEmpty()) {
            throw invalid(path, "must be a non-empty list of filters.");
        }
        List<AttributeFilter> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            out.add(parse(value.get(i), path + "[" + i + "]", depth + 1));
        }
        return out;
    }

    private static AttributeFilter leaf(AttributeFilter.Operator op, JsonNode attribute, String path) {
        if (!attribute.isObject() || !attribute.path("name").isTextual() || attribute.path("name").asText().isEmpty()) {
            throw invalid(path + ".name", "is required.");
        }
        JsonNode v = attribute.get("value");
        if (v == null || !v.isObject() || v.size() != 1) {
            throw invalid(path + ".value", "must set exactly one of stringValue, stringListValue, longValue, dateValue.");
        }
        String kind = v.fieldNames().next();
        JsonNode x = v.get(kind);
        String at = path + ".value." + kind;
        AttributeValue value = switch (kind) {
            case "stringValue" -> {
                if (!x.isTextual()) {
                    throw invalid(at, "must be a string.");
                }
                yield AttributeValue.of(x.asText());
            }
            case "stringListValue" -> {
                if (!x.isArray()) {
                    throw invalid(at, "must be a list of strings.");
                }
                List<String> items = new ArrayList<>();
                x.forEach(i -> items.add(i.asText()));
                yield AttributeValue.of(items);
            }
            case "longValue" -> {
                if (!x.isIntegralNumber()) {
                    throw invalid(at, "must be an integer.");
                }
                yield AttributeValue.of(x.asLong());
            }
            case "dateValue" -> {
                if (!x.isNumber()) {
                    throw invalid(at, "must be a timestamp in epoch seconds.");
                }
                BigDecimal millis = x.decimalValue().movePointRight(3);
                yield AttributeValue.of(Instant.ofEpochMilli(millis.longValue()));
            }
            default -> throw invalid(at, "is not a DocumentAttributeValue member.");
        };
        return new AttributeFilter.Leaf(op, attribute.get("name").asText(), value);
    }

    private static ApiError invalid(String path, String message) {
        return ApiError.invalidField(path, path + " " + message);
    }
}

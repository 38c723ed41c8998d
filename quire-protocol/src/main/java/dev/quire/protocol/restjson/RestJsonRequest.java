package dev.quire.protocol.restjson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A decoded qbusiness request: operation, path labels, query parameters and JSON body (never null). */
public record RestJsonRequest(String operation, Map<String, String> labels,
                              Map<String, List<String>> query, JsonNode body) {

    public String label(String name) {
        return labels.get(name);
    }

    /** The first value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}

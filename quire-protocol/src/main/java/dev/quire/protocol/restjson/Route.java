package dev.quire.protocol.restjson;

import dev.quire.protocol.http.StrictDecoding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One restJson1 operation binding: HTTP method, URI template such as
 * {@code /applications/{applicationId}/indices/{indexId}} and, for operations that share a
 * path (ChatSync vs Chat), a query key that must be present.
 */
public record Route(String method, String template, String operation, String requiredQueryKey) {
    public Route {
        Objects.requireNonNull(method);
        Objects.requireNonNull(template);
        Objects.requireNonNull(operation);
    }

    public static Route of(String method, String template, String operation) {
        return new Route(method, template, operation, null);
    }

    /**
     * Matches raw (still encoded) path segments; labels are decoded after splitting so an encoded
     * '/' inside a label stays in the label (API-REFERENCE §1.1 #5).
     *
     * @return the decoded labels, or null when the path does not fit the template
     */
    Map<String, String> match(String method, List<String> rawSegments) {
        if (!this.method.equals(method)) {
            return null;
        }
        String[] parts = template.substring(1).split("/", -1);
        if (parts.length != rawSegments.size()) {
            return null;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            String raw = rawSegments.get(i);
            if (part.startsWith("{") && part.endsWith("}")) {
                if (raw.isEmpty()) {
                    return null;
                }
                labels.put(part.substring(1, part.length() - 1), StrictDecoding.percentDecode(raw, false));
            } else if (!part.equals(raw)) {
                return null;
            }
        }
        return labels;
    }
}

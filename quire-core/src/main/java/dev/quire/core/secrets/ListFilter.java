package dev.quire.core.secrets;

import java.util.List;

/**
 * A ListSecrets filter: {@code key} is one of name, description, tag-key, tag-value, all; a secret
 * matches when some value is a prefix of the field (a value starting with {@code !} negates).
 * Values of one filter are alternatives; all filters must match.
 */
public record ListFilter(String key, List<String> values) {
    public ListFilter {
        values = List.copyOf(values);
    }
}

package dev.quire.identity.policy;

import java.util.List;
import java.util.Objects;

/** One operator/key block of a Condition element; its values are OR-ed. */
public record Condition(ConditionOperator operator, String key, List<ValueTemplate> values) {
    public Condition {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
    }
}

package dev.quire.core.qbusiness.documents;

import java.time.Instant;
import java.util.List;

/** DocumentAttributeValue: exactly one member is set. */
public record AttributeValue(String stringValue, List<String> stringListValue, Long longValue, Instant dateValue) {
    public AttributeValue {
        int set = (stringValue != null ? 1 : 0) + (stringListValue != null ? 1 : 0)
                + (longValue != null ? 1 : 0) + (dateValue != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException("an attribute value has exactly one of stringValue, stringListValue, longValue, dateValue");
        }
        stringListValue = stringListValue == null ? null : List.copyOf(stringListValue);
    }

    /** The value as the indexer port carries it: String, List&lt;String&gt;, Long or Instant. */
    public Object plain() {
        if (stringValue != null) {
            return stringValue;
        }
        if (stringListValue != null) {
            return stringListValue;
        }
        return longValue != null ? longValue : dateValue;
    }
}

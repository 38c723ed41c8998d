package dev.quire.spi.search;

import java.time.Instant;
import java.util.List;

/** A document attribute value: exactly one of string, string list, long or date is set. */
public record AttributeValue(String stringValue, List<String> stringListValue, Long longValue, Instant dateValue) {
    public AttributeValue {
        int set = (stringValue != null ? 1 : 0) + (stringListValue != null ? 1 : 0)
                + (longValue != null ? 1 : 0) + (dateValue != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException("an attribute value holds exactly one of string, string list, long, date");
        }
        stringListValue = stringListValue == null ? null : List.copyOf(stringListValue);
    }

    public static AttributeValue of(String s) { return new AttributeValue(s, null, null, null); }
    public static AttributeValue of(List<String> l) { return new AttributeValue(null, l, null, null); }
    public static AttributeValue of(long n) { return new AttributeValue(null, null, n, null); }
    public static AttributeValue of(Instant d) { return new AttributeValue(null, null, null, d); }
}

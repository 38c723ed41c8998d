package dev.quire.spi.search;

import java.util.List;

/**
 * Q Business's attributeFilter as a tree: and/or/not over leaf comparisons on one attribute.
 * Leaf operators: EQUALS_TO, CONTAINS_ALL, CONTAINS_ANY, GREATER_THAN, GREATER_THAN_OR_EQUALS,
 * LESS_THAN, LESS_THAN_OR_EQUALS.
 */
public sealed interface AttributeFilter {
    record And(List<AttributeFilter> all) implements AttributeFilter {
        public And { all = List.copyOf(all); }
    }

    record Or(List<AttributeFilter> any) implements AttributeFilter {
        public Or { any = List.copyOf(any); }
    }

    record Not(AttributeFilter filter) implements AttributeFilter {
    }

    record Leaf(Operator operator, String name, AttributeValue value) implements AttributeFilter {
    }

    enum Operator { EQUALS_TO, CONTAINS_ALL, CONTAINS_ANY, GREATER_THAN, GREATER_THAN_OR_EQUALS, LESS_THAN, LESS_THAN_OR_EQUALS }
}

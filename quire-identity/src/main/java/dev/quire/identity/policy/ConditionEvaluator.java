package dev.quire.identity.policy;

import dev.quire.identity.policy.ConditionOperator.Family;
import dev.quire.identity.policy.ConditionOperator.SetQualifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates one operator/key block against the request, with IAM semantics:
 * <ul>
 *   <li>policy values are OR-ed; a positive operator holds if a request value matches one;</li>
 *   <li>a Not operator holds when no request value matches any policy value;</li>
 *   <li>key absent: positive false, Not true, IfExists true, ForAllValues true, ForAnyValue false;</li>
 *   <li>Null:true holds when the key is absent, Null:false when present;</li>
 *   <li>an unresolvable policy variable, or a request value that is not a valid number, date or
 *       boolean for a typed operator, makes the block false: it can never widen a grant.</li>
 * </ul>
 */
final class ConditionEvaluator {
    private ConditionEvaluator() {}

    static boolean holds(Condition c, RequestContext ctx) {
        ConditionOperator op = c.operator();
        Family family = op.base().family();
        List<String> actual = ctx.values(c.key());
        boolean present = !actual.isEmpty();

        if (family == Family.NULL) {
            for (ValueTemplate v : c.values()) {
                if (ConditionValues.bool(v.raw()) == !present) {
                    return true;
                }
            }
            return false;
        }

        boolean wildcards = family == Family.STRING_LIKE || family == Family.ARN;
        List<GlobPattern> expected = new ArrayList<>(c.values().size());
        for (ValueTemplate v : c.values()) {
            GlobPattern p = v.resolve(ctx, wildcards);
            if (p == null) {
                return false;
            }
            expected.add(p);
        }

        if (!present) {
            if (op.ifExists()) {
                return true;
            }
            return switch (op.qualifier()) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> false;
                case NONE -> op.base().negated();
            };
        }

        boolean any = false;
        boolean all = true;
        for (String value : actual) {
            Boolean m = matchesAny(op, value, expected);
            if (m == null) {
                return false; // not a valid value for a typed operator
            }
            boolean holdsForValue = op.base().negated() ? !m : m;
            any |= holdsForValue;
            all &= holdsForValue;
        }
        if (op.qualifier() == SetQualifier.FOR_ALL_VALUES) {
            return all;
        }
        if (op.qualifier() == SetQualifier.FOR_ANY_VALUE) {
            return any;
        }
        // Without a qualifier: positive = some value matches; negated = no value matches.
        return op.base().negated() ? all : any;
    }

    /** Whether {@code value} matches one of the policy values; null if the value has the wrong type. */
    private static Boolean matchesAny(ConditionOperator op, String value, List<GlobPattern> expected) {
        Family family = op.base().family();
        switch (family) {
            case STRING:
                return expected.stream().anyMatch(p -> p.text().equals(value));
            case STRING_IGNORE_CASE:
                return expected.stream().anyMatch(p -> p.text().equalsIgnoreCase(value));
            case STRING_LIKE:
                return expected.stream().anyMatch(p -> p.matches(value));
            case ARN:
                return expected.stream().anyMatch(p -> ArnMatcher.matches(p, value));
            case BOOL: {
                Boolean b = ConditionValues.bool(value);
                if (b == null) {
                    return null;
                }
                return expected.stream().anyMatch(p -> b.equals(ConditionValues.bool(p.text())));
            }
            case NUMERIC: {
                BigDecimal n = ConditionValues.number(value);
                if (n == null) {
                    return null;
                }
                return expected.stream().anyMatch(p -> compare(op, n.compareTo(ConditionValues.number(p.text()))));
            }
            case DATE: {
                Instant d = ConditionValues.date(value);
                if (d == null) {
                    return null;
                }
                return expected.stream().anyMatch(p -> compare(op, d.compareTo(ConditionValues.date(p.text()))));
            }
            default:
                throw new IllegalStateException("unhandled operator family " + family);
        }
    }

    /** @param cmp request value compared to policy value */
    private static boolean compare(ConditionOperator op, int cmp) {
        return switch (op.base().comparison()) {
            case EQUALS -> cmp == 0;
            case LESS_THAN -> cmp < 0;
            case LESS_THAN_EQUALS -> cmp <= 0;
            case GREATER_THAN -> cmp > 0;
            case GREATER_THAN_EQUALS -> cmp >= 0;
        };
    }
}

package dev.quire.identity.policy;

/**
 * A parsed condition operator such as {@code ForAnyValue:StringLikeIfExists}: the base test, an
 * optional set qualifier and the IfExists flag. Names are matched case-sensitively, as written in
 * the IAM documentation; anything else is an unknown operator.
 */
public record ConditionOperator(Base base, SetQualifier qualifier, boolean ifExists) {

    /** How a multi-valued request key is combined. */
    public enum SetQualifier { NONE, FOR_ANY_VALUE, FOR_ALL_VALUES }

    /** The type of values an operator compares. */
    public enum Family { STRING, STRING_IGNORE_CASE, STRING_LIKE, ARN, BOOL, NUMERIC, DATE, NULL }

    /** Comparison of one request value against one policy value. */
    public enum Comparison { EQUALS, LESS_THAN, LESS_THAN_EQUALS, GREATER_THAN, GREATER_THAN_EQUALS }

    public enum Base {
        StringEquals(Family.STRING, false, Comparison.EQUALS),
        StringNotEquals(Family.STRING, true, Comparison.EQUALS),
        StringEqualsIgnoreCase(Family.STRING_IGNORE_CASE, false, Comparison.EQUALS),
        StringNotEqualsIgnoreCase(Family.STRING_IGNORE_CASE, true, Comparison.EQUALS),
        StringLike(Family.STRING_LIKE, false, Comparison.EQUALS),
        StringNotLike(Family.STRING_LIKE, true, Comparison.EQUALS),
        ArnEquals(Family.ARN, false, Comparison.EQUALS),
        ArnLike(Family.ARN, false, Comparison.EQUALS),
        ArnNotEquals(Family.ARN, true, Comparison.EQUALS),
        ArnNotLike(Family.ARN, true, Comparison.EQUALS),
        Bool(Family.BOOL, false, Comparison.EQUALS),
        Null(Family.NULL, false, Comparison.EQUALS),
        NumericEquals(Family.NUMERIC, false, Comparison.EQUALS),
        NumericNotEquals(Family.NUMERIC, true, Comparison.EQUALS),
        NumericLessThan(Family.NUMERIC, false, Comparison.LESS_THAN),
        NumericLessThanEquals(Family.NUMERIC, false, Comparison.LESS_THAN_EQUALS),
        NumericGreaterThan(Family.NUMERIC, false, Comparison.GREATER_THAN),
        NumericGreaterThanEquals(Family.NUMERIC, false, Comparison.GREATER_THAN_EQUALS),
        DateEquals(Family.DATE, false, Comparison.EQUALS),
        DateNotEquals(Family.DATE, true, Comparison.EQUALS),
        DateLessThan(Family.DATE, false, Comparison.LESS_THAN),
        DateLessThanEquals(Family.DATE, false, Comparison.LESS_THAN_EQUALS),
        DateGreaterThan(Family.DATE, false, Comparison.GREATER_THAN),
        DateGreaterThanEquals(Family.DATE, false, Comparison.GREATER_THAN_EQUALS);

        private final Family family;
        private final boolean negated;
        private final Comparison comparison;

        Base(Family family, boolean negated, Comparison comparison) {
            this.family = family;
            this.negated = negated;
            this.comparison = comparison;
        }

        public Family family() {
            return family;
        }

        /** True for the Not operators: they hold when no policy value matches. */
        public boolean negated() {
            return negated;
        }

        public Comparison comparison() {
            return comparison;
        }

        static Base named(String name) {
            for (Base b : values()) {
                if (b.name().equals(name)) {
                    return b;
                }
            }
            return null;
        }
    }

    private static final String FOR_ANY = "ForAnyValue:";
    private static final String FOR_ALL = "ForAllValues:";
    private static final String IF_EXISTS = "IfExists";

    /** @throws MalformedPolicyException "Unknown condition operator X" */
    public static ConditionOperator parse(String text) {
        String rest = text;
        SetQualifier qualifier = SetQualifier.NONE;
        if (rest.startsWith(FOR_ANY)) {
            qualifier = SetQualifier.FOR_ANY_VALUE;
            rest = rest.substring(FOR_ANY.length());
        } else if (rest.startsWith(FOR_ALL)) {
            qualifier = SetQualifier.FOR_ALL_VALUES;
            rest = rest.substring(FOR_ALL.length());
        }
        boolean ifExists = false;
        Base base = Base.named(rest);
        if (base == null && rest.endsWith(IF_EXISTS)) {
            ifExists = true;
            base = Base.named(rest.substring(0, rest.length() - IF_EXISTS.length()));
        }
        if (base == null) {
            throw new MalformedPolicyException("Unknown condition operator " + text);
        }
        if (base == Base.Null && (ifExists || qualifier != SetQualifier.NONE)) {
            // Null already tests presence; IfExists or a set qualifier on it has no meaning.
            throw new MalformedPolicyException("Unknown condition operator " + text + " (Null takes no IfExists or set qualifier)");
        }
        return new ConditionOperator(base, qualifier, ifExists);
    }

    @Override
    public String toString() {
        String prefix = switch (qualifier) {
            case NONE -> "";
            case FOR_ANY_VALUE -> FOR_ANY;
            case FOR_ALL_VALUES -> FOR_ALL;
        };
        return prefix + base.name() + (ifExists ? IF_EXISTS : "");
    }
}

package dev.quire.identity.policy;

/**
 * How strictly to check a policy beyond its syntax.
 *
 * @param kind the attachment the policy is for, or null to accept both shapes
 * @param maxChars the size quota in characters not counting whitespace (as IAM counts), or 0 for none
 */
public record ParseOptions(PolicyKind kind, int maxChars) {
    /** IAM's quota for a customer managed policy. */
    public static final int MANAGED_POLICY_MAX_CHARS = 6144;
    /** IAM's default quota for a role trust policy. */
    public static final int TRUST_POLICY_MAX_CHARS = 2048;
    /** Refused before any parsing, whatever the options: bounds work on hostile input. */
    public static final int HARD_MAX_RAW_CHARS = 131_072;

    public ParseOptions {
        if (maxChars < 0) {
            throw new IllegalArgumentException("maxChars must be >= 0");
        }
    }

    /** Syntax and element checks only; no kind, no size quota. */
    public static ParseOptions lenient() {
        return new ParseOptions(null, 0);
    }

    /** An identity (managed or role) policy: Resource required, no Principal, at most 6144 chars. */
    public static ParseOptions identityPolicy() {
        return new ParseOptions(PolicyKind.IDENTITY, MANAGED_POLICY_MAX_CHARS);
    }

    /** A role trust policy: Principal required, no Resource, at most 2048 chars. */
    public static ParseOptions trustPolicy() {
        return new ParseOptions(PolicyKind.TRUST, TRUST_POLICY_MAX_CHARS);
    }

    public ParseOptions withMaxChars(int max) {
        return new ParseOptions(kind, max);
    }

    public ParseOptions withKind(PolicyKind k) {
        return new ParseOptions(k, maxChars);
    }
}

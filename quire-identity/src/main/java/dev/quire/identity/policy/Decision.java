package dev.quire.identity.policy;

import java.util.Objects;

/**
 * The outcome of an evaluation and what decided it.
 *
 * @param decidingPolicy the policy's name, else its Id, else "#n" (1-based); null for IMPLICIT_DENY
 * @param decidingStatement the statement's Sid, else "#n" (1-based); null for IMPLICIT_DENY
 */
public record Decision(Effect effect, String decidingPolicy, String decidingStatement) {

    public enum Effect { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

    public Decision {
        Objects.requireNonNull(effect, "effect");
        if (effect == Effect.IMPLICIT_DENY && (decidingPolicy != null || decidingStatement != null)) {
            throw new IllegalArgumentException("An implicit deny has no deciding statement");
        }
    }

    static Decision implicitDeny() {
        return new Decision(Effect.IMPLICIT_DENY, null, null);
    }

    public boolean isAllowed() {
        return effect == Effect.ALLOW;
    }
}

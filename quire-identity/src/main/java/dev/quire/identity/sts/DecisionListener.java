package dev.quire.identity.sts;

import dev.quire.identity.policy.Decision;

/** Told about every policy decision, so the caller can audit who, what, which statement. */
@FunctionalInterface
public interface DecisionListener {
    void decided(String action, String resource, Decision decision);

    DecisionListener NONE = (a, r, d) -> { };
}

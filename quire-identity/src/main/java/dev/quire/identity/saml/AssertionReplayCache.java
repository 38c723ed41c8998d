package dev.quire.identity.saml;

import java.time.Instant;

/**
 * Remembers SAML assertion IDs so that each assertion is accepted once. Implementations must be
 * safe for concurrent use and must fail closed: when an ID cannot be recorded, answer false.
 */
public interface AssertionReplayCache {

    /**
     * Records {@code assertionId} and answers true if it was not seen before. The ID must be
     * remembered at least until {@code expiresAt}, after which the assertion is rejected as
     * expired anyway (the verifier passes its NotOnOrAfter plus the allowed clock skew).
     */
    boolean firstUse(String assertionId, Instant expiresAt);
}

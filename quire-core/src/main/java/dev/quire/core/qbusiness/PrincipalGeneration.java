package dev.quire.core.qbusiness;

import dev.quire.spi.store.MetadataStore;

/**
 * The change counter of everything a user's principals are resolved from in one application:
 * its users and their aliases, its groups and group edges, and the existence of the application,
 * its indexes and data sources. Every write of those bumps it in the writing transaction, and
 * {@code CachingPrincipalResolver} trusts a cached resolution only while it is unchanged — so a
 * write that forgets to bump is a permission leak (PrincipalGenerationBumpTest guards each path).
 */
public final class PrincipalGeneration {
    private PrincipalGeneration() {
    }

    public static String counter(String applicationId) {
        return "principals/" + applicationId;
    }

    public static long read(MetadataStore store, String applicationId) {
        return store.generation(counter(applicationId));
    }

    /** Announces a change; call it inside the transaction that makes the change. */
    public static void bump(MetadataStore store, String applicationId) {
        store.bumpGeneration(counter(applicationId));
    }
}

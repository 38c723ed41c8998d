package dev.quire.core.qbusiness.principals;

import dev.quire.core.qbusiness.PrincipalGeneration;
import dev.quire.core.qbusiness.users.StoreKeys;
import dev.quire.spi.store.MetadataStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers each user's {@link ResolvedPrincipals} per (application, index, lower-cased email),
 * tagged with the application's {@link PrincipalGeneration} read <em>before</em> resolving; an
 * entry is served only while the counter still has that value. Every write of users, aliases,
 * groups, and of the application, its indexes and data sources bumps the counter in its own
 * transaction, on whichever node it runs — so the very next request on any node resolves afresh.
 * One counter read replaces the ~25 store reads of a resolution.
 *
 * <p>Why the order is safe: a change commits its data and its bump together. If this read of the
 * counter already saw the bump, the resolution after it sees the data; if not, the counter has
 * moved past the tag by the time the change is visible, and the entry is never served again.
 * A resolution racing a change may thus only be tagged older than it is, never newer.
 *
 * <p>Not cached: failures (ResourceNotFound for a missing application or index, AccessDenied for
 * a hierarchy too deep or wide) — they are rare, and caching them would make creations bump too;
 * a failing call simply resolves again. Inside a store transaction the cache is bypassed, as that
 * transaction may see (and later roll back) writes and bumps no one else sees.
 */
public final class CachingPrincipalResolver implements PrincipalLookup {
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private final MetadataStore store;
    private final PrincipalLookup resolver;
    private final Map<Key, Entry> entries;

    private record Key(String applicationId, String indexId, String userKey) {
    }

    private record Entry(long generation, ResolvedPrincipals principals) {
    }

    public CachingPrincipalResolver(MetadataStore store) {
        this(store, new PrincipalResolver(store), DEFAULT_MAX_ENTRIES);
    }

    public CachingPrincipalResolver(MetadataStore store, PrincipalLookup resolver, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
        }
        this.store = store;
        this.resolver = resolver;
        // Access order + removeEldestEntry: the least recently used user goes first.
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public ResolvedPrincipals resolve(String applicationId, String indexId, String email) {
        if (store.isInTransaction()) {
            return resolver.resolve(applicationId, indexId, email);
        }
        long generation = PrincipalGeneration.read(store, applicationId); // first: see the class comment
        Key key = new Key(applicationId, indexId, StoreKeys.userKey(email));
        Entry cached = get(key);
        if (cached != null && cached.generation() == generation) {
            return cached.principals();
        }
        ResolvedPrincipals fresh = resolver.resolve(applicationId, indexId, email);
        put(key, new Entry(generation, fresh));
        return fresh;
    }

    /** How many users are remembered now (for tests and metrics). */
    public synchronized int size() {
        return entries.size();
    }

    private synchronized Entry get(Key key) {
        return entries.get(key);
    }

    private synchronized void put(Key key, Entry entry) {
        Entry present = entries.get(key);
        // A slower resolution tagged with an older value must not displace a newer entry.
        if (present == null || present.generation() <= entry.generation()) {
            entries.put(key, entry);
        }
    }
}

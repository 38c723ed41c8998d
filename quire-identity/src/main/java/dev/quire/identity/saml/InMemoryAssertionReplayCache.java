package dev.quire.identity.saml;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A bounded in-process {@link AssertionReplayCache}. Expired IDs are evicted on every call. When
 * the cache is full of unexpired IDs it refuses new ones (fail closed): forgetting a live ID would
 * re-open replay, while refusing only costs the user a fresh login.
 */
public final class InMemoryAssertionReplayCache implements AssertionReplayCache {
    private record Entry(String id, Instant expiresAt) {
    }

    private final Clock clock;
    private final int maxEntries;
    private final Map<String, Instant> seen = new HashMap<>();
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>((a, b) -> a.expiresAt.compareTo(b.expiresAt));

    public InMemoryAssertionReplayCache(Clock clock, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    @Override
    public synchronized boolean firstUse(String assertionId, Instant expiresAt) {
        Instant now = clock.instant();
        evictExpired(now);
        if (seen.containsKey(assertionId)) {
            return false;
        }
        if (seen.size() >= maxEntries) {
            return false;
        }
        seen.put(assertionId, expiresAt);
        byExpiry.add(new Entry(assertionId, expiresAt));
        return true;
    }

    /** The number of IDs currently remembered. */
    public synchronized int size() {
        evictExpired(clock.instant());
        return seen.size();
    }

    private void evictExpired(Instant now) {
        while (!byExpiry.isEmpty() && !byExpiry.peek().expiresAt.isAfter(now)) {
            seen.remove(byExpiry.poll().id);
        }
    }
}

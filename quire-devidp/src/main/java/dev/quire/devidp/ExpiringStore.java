package dev.quire.devidp;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short-lived server-side state (login transactions, codes, sessions, access tokens) keyed by an
 * unguessable token. Expired entries are invisible and swept on insert; the size is capped so a
 * flood of abandoned logins cannot exhaust memory.
 */
final class ExpiringStore<V> {
    private static final int MAX_ENTRIES = 10_000;

    private record Entry<V>(V value, Instant expiresAt) {
    }

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    ExpiringStore(Clock clock) {
        this.clock = clock;
    }

    void put(String key, V value, Instant expiresAt) {
        Instant now = clock.instant();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !e.expiresAt().isAfter(now));
            if (entries.size() >= MAX_ENTRIES) {
                throw new HttpError(503, "temporarily_unavailable", "too many pending requests");
            }
        }
        entries.put(key, new Entry<>(value, expiresAt));
    }

    V get(String key) {
        Entry<V> entry = key == null ? null : entries.get(key);
        return entry == null || !entry.expiresAt().isAfter(clock.instant()) ? null : entry.value();
    }

    /** Removes and returns the value atomically: of two concurrent takes, only one gets it. */
    V take(String key) {
        Entry<V> entry = key == null ? null : entries.remove(key);
        return entry == null || !entry.expiresAt().isAfter(clock.instant()) ? null : entry.value();
    }

    void remove(String key) {
        if (key != null) {
            entries.remove(key);
        }
    }
}

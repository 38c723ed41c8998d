package dev.quire.examples;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logins started here and not yet finished, by a random key (a session cookie, or SAML's
 * RelayState). Each is taken at most once and lives ten minutes; the map is bounded so that
 * unauthenticated visitors cannot grow it without limit.
 */
final class PendingLogins<T> {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_PENDING = 10_000;

    private record Entry<T>(T value, Instant expires) {
    }

    private final Map<String, Entry<T>> pending = new ConcurrentHashMap<>();
    private final Clock clock;

    PendingLogins(Clock clock) {
        this.clock = clock;
    }

    /** Remembers {@code value} under a fresh random key, which it returns. */
    String put(T value) {
        Instant now = clock.instant();
        if (pending.size() >= MAX_PENDING) {
            purgeExpired(now);
            if (pending.size() >= MAX_PENDING) {
                throw new IllegalStateException("too many logins in progress");
            }
        }
        String key = Web.randomToken();
        pending.put(key, new Entry<>(value, now.plus(LIFETIME)));
        return key;
    }

    /** The login under {@code key}, removed so it can never be finished twice; empty if unknown or expired. */
    Optional<T> take(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Entry<T> entry = pending.remove(key);
        if (entry == null || !clock.instant().isBefore(entry.expires())) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    private void purgeExpired(Instant now) {
        for (Iterator<Entry<T>> it = pending.values().iterator(); it.hasNext(); ) {
            if (!now.isBefore(it.next().expires())) {
                it.remove();
            }
        }
    }
}

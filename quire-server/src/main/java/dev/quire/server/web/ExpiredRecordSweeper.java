package dev.quire.server.web;

import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired records of one kind within one scope, a page at a time, walking the scope over
 * successive calls (the cursor wraps after the last page). Web sign-ins that a browser started and
 * never finished, and sessions nobody came back to, are otherwise only deleted when their cookie is
 * presented again — so without this they would pile up in the store for ever. A record whose
 * expiry cannot be read is kept (it is never served either: reading it fails the same way).
 */
final class ExpiredRecordSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(ExpiredRecordSweeper.class);

    private final MetadataStore store;
    private final Clock clock;
    private final int pageSize;
    /** (kind, scope) → the last id of the previous page; absent: start from the beginning. */
    private final Map<String, String> cursors = new HashMap<>();

    ExpiredRecordSweeper(MetadataStore store, Clock clock, int pageSize) {
        this.store = store;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /**
     * Sweeps the next page of {@code kind} in {@code scope}.
     *
     * @param expiresAt reads a record's expiry from its JSON
     * @return how many records it deleted
     */
    synchronized int sweepPage(String kind, String scope, Function<String, Instant> expiresAt) {
        String key = kind + "\n" + scope;
        int deleted = 0;
        try {
            List<StoredEntity> page = store.list(kind, scope, cursors.get(key), pageSize);
            Instant now = clock.instant();
            for (StoredEntity e : page) {
                if (expired(e, expiresAt, now) && store.delete(kind, e.id())) {
                    deleted++;
                }
            }
            if (page.size() < pageSize) {
                cursors.remove(key);
            } else {
                cursors.put(key, page.get(page.size() - 1).id());
            }
        } catch (RuntimeException e) {
            LOG.warn("Sweeping expired {} records of {} failed (retried later): {}", kind, scope, e.toString());
        }
        return deleted;
    }

    /** Sweeps every page of {@code kind} in {@code scope} once, from the beginning. */
    synchronized int sweepAll(String kind, String scope, Function<String, Instant> expiresAt) {
        cursors.remove(kind + "\n" + scope);
        int deleted = 0;
        do {
            deleted += sweepPage(kind, scope, expiresAt);
        } while (cursors.containsKey(kind + "\n" + scope));
        return deleted;
    }

    private static boolean expired(StoredEntity e, Function<String, Instant> expiresAt, Instant now) {
        Instant at;
        try {
            at = expiresAt.apply(e.json());
        } catch (RuntimeException unreadable) {
            return false;
        }
        return at != null && !now.isBefore(at);
    }
}

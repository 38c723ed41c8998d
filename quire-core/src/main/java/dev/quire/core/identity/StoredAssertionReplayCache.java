package dev.quire.core.identity;

import dev.quire.core.qbusiness.StoredJson;
import dev.quire.identity.saml.AssertionReplayCache;
import dev.quire.spi.store.ConcurrentUpdateException;
import dev.quire.spi.store.EntityExistsException;
import dev.quire.spi.store.EntityNotFoundException;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SAML assertion IDs remembered in the metadata store, so that every Quire node sharing one database
 * (PostgreSQL in a cluster) refuses an assertion another node already accepted. The store's unique
 * (kind, id) key is the arbiter: of two nodes racing with the same assertion, exactly one insert wins.
 *
 * <p>A record's id is the SHA-256 of the assertion ID (IDs are IdP-chosen text of any length); its
 * JSON holds when it may be forgotten. An expired record is reused by a versioned update, so a
 * (legitimately) recurring ID after expiry is accepted once again, and two nodes reusing it at the
 * same moment still admit only one. Expired records are swept a page at a time every
 * {@value #SWEEP_EVERY} calls, walking the whole kind over successive sweeps.
 *
 * <p>Fails closed: if the store cannot record the ID (any exception), the answer is false.
 */
public final class StoredAssertionReplayCache implements AssertionReplayCache {
    static final String KIND = "saml-assertion-id";
    static final String SCOPE = "saml-assertion-ids";
    static final int SWEEP_EVERY = 64;
    static final int SWEEP_PAGE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(StoredAssertionReplayCache.class);

    /** What a record holds: when the ID may be forgotten. */
    record Remembered(Instant expiresAt) {
    }

    private final MetadataStore store;
    private final Clock clock;
    private final AtomicLong calls = new AtomicLong();
    private final Object sweepLock = new Object();
    private String sweepAfter; // guarded by sweepLock

    public StoredAssertionReplayCache(MetadataStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String assertionId, Instant expiresAt) {
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            sweepExpired();
        }
        String id = digest(assertionId);
        String json = StoredJson.write(new Remembered(expiresAt));
        try {
            store.insert(KIND, id, SCOPE, json);
            return true;
        } catch (EntityExistsException seen) {
            return reuseIfExpired(id, json);
        } catch (RuntimeException e) {
            LOG.warn("Could not record SAML assertion ID; refusing the assertion: {}", e.toString());
            return false;
        }
    }

    private boolean reuseIfExpired(String id, String json) {
        try {
            StoredEntity existing = store.get(KIND, id).orElse(null);
            if (existing == null || !expired(existing)) {
                return false; // live: a replay (or just swept by another node: refuse, the user signs in again)
            }
            store.update(KIND, id, json, existing.version());
            return true;
        } catch (ConcurrentUpdateException | EntityNotFoundException raced) {
            return false;
        } catch (RuntimeException e) {
            LOG.warn("Could not record SAML assertion ID; refusing the assertion: {}", e.toString());
            return false;
        }
    }

    /** The number of remembered IDs that have not expired (for tests and diagnostics). */
    public long liveCount() {
        long live = 0;
        String after = null;
        List<StoredEntity> page;
        do {
            page = store.list(KIND, SCOPE, after, SWEEP_PAGE);
            for (StoredEntity e : page) {
                live += expired(e) ? 0 : 1;
                after = e.id();
            }
        } while (page.size() == SWEEP_PAGE);
        return live;
    }

    /** Deletes the expired records of the next page; the cursor wraps to the start after the last page. */
    void sweepExpired() {
        synchronized (sweepLock) {
            try {
                List<StoredEntity> page = store.list(KIND, SCOPE, sweepAfter, SWEEP_PAGE);
                for (StoredEntity e : page) {
                    if (expired(e)) {
                        store.delete(KIND, e.id());
                    }
                }
                sweepAfter = page.size() < SWEEP_PAGE ? null : page.get(page.size() - 1).id();
            } catch (RuntimeException e) {
                LOG.warn("Sweeping expired SAML assertion IDs failed (retried later): {}", e.toString());
            }
        }
    }

    private boolean expired(StoredEntity e) {
        Instant expiresAt;
        try {
            expiresAt = StoredJson.read(e, Remembered.class).expiresAt();
        } catch (RuntimeException unreadable) {
            return false; // fail closed: an unreadable record stays a live one
        }
        return expiresAt != null && !clock.instant().isBefore(expiresAt);
    }

    private static String digest(String assertionId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(assertionId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}

package dev.quire.core.qbusiness;

import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A real store that counts the record reads made through it (not counter reads, not writes). */
public final class CountingStore implements MetadataStore {
    private final MetadataStore store;
    private final AtomicInteger recordReads = new AtomicInteger();

    public CountingStore(MetadataStore store) {
        this.store = store;
    }

    /** Record reads (get, list, count) since the last call. */
    public int takeRecordReads() {
        return recordReads.getAndSet(0);
    }

    @Override
    public Optional<StoredEntity> get(String kind, String id) {
        recordReads.incrementAndGet();
        return store.get(kind, id);
    }

    @Override
    public List<StoredEntity> list(String kind, String scope, String afterId, int limit) {
        recordReads.incrementAndGet();
        return store.list(kind, scope, afterId, limit);
    }

    @Override
    public long count(String kind, String scope) {
        recordReads.incrementAndGet();
        return store.count(kind, scope);
    }

    @Override
    public StoredEntity insert(String kind, String id, String scope, String json) {
        return store.insert(kind, id, scope, json);
    }

    @Override
    public StoredEntity update(String kind, String id, String json, long expectedVersion) {
        return store.update(kind, id, json, expectedVersion);
    }

    @Override
    public boolean delete(String kind, String id) {
        return store.delete(kind, id);
    }

    @Override
    public int deleteScope(String scopePrefix) {
        return store.deleteScope(scopePrefix);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return store.inTransaction(work);
    }

    @Override
    public boolean isInTransaction() {
        return store.isInTransaction();
    }

    @Override
    public long generation(String counter) {
        return store.generation(counter);
    }

    @Override
    public void bumpGeneration(String counter) {
        store.bumpGeneration(counter);
    }

    @Override
    public String describe() {
        return "counting " + store.describe();
    }

    @Override
    public void close() {
        store.close();
    }
}

package dev.quire.spi.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The metadata store port: durable, transactional storage of JSON records addressed by
 * (kind, id) and grouped by scope. Implementations: H2 (embedded default) and PostgreSQL.
 *
 * <p>Every method may be called inside {@link #inTransaction}; the calls made by the supplier
 * then commit or roll back together.
 */
public interface MetadataStore extends AutoCloseable {

    Optional<StoredEntity> get(String kind, String id);

    /**
     * Records of {@code kind} whose scope equals {@code scope}, ordered by id, strictly after
     * {@code afterId} when it is non-null, at most {@code limit} of them.
     */
    List<StoredEntity> list(String kind, String scope, String afterId, int limit);

    long count(String kind, String scope);

    /** Inserts a new record at version 1; {@link EntityExistsException} when (kind, id) is taken. */
    StoredEntity insert(String kind, String id, String scope, String json);

    /**
     * Replaces the JSON of an existing record when its version is still {@code expectedVersion};
     * {@link ConcurrentUpdateException} otherwise, {@link EntityNotFoundException} when absent.
     */
    StoredEntity update(String kind, String id, String json, long expectedVersion);

    /** @return whether a record was deleted */
    boolean delete(String kind, String id);

    /**
     * Deletes every record whose scope is {@code scopePrefix} or lies below it
     * ({@code scopePrefix + "/..."}), of every kind. Used for cascading deletes.
     *
     * @return how many records were deleted
     */
    int deleteScope(String scopePrefix);

    /** Runs {@code work} in one transaction; nested calls join the outer transaction. */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Whether the calling thread is inside {@link #inTransaction}. A cache that validates its
     * entries against {@link #generation} must not fill or serve entries there: it would see
     * the transaction's own uncommitted writes and bumps, which a rollback may take back.
     */
    boolean isInTransaction();

    /**
     * The committed value of a change counter shared by every node on this store: 0 until its
     * first {@link #bumpGeneration bump}, then only ever larger. Caches (e.g. of a user's
     * resolved principals) read it before reading the data they cache and keep an entry only
     * while the counter still has the value read then; so a change is seen by the very next
     * request on every node, without the nodes talking to each other.
     */
    long generation(String counter);

    /**
     * Adds one to a change counter, creating it (at 1) on first use. Call it in the same
     * {@link #inTransaction transaction} as the change it announces: then a rolled-back change
     * does not bump, and a committed one becomes visible together with its bump. Concurrent
     * bumps, from any node, neither fail with a conflict nor lose an increment. Counters are
     * never deleted, so a value is never reused.
     */
    void bumpGeneration(String counter);

    /** A short human description for logs, e.g. {@code "H2 file ./quire-data/quire"}. */
    String describe();

    @Override
    void close();
}

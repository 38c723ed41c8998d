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

    /** A short human description for logs, e.g. {@code "H2 file ./quire-data/quire"}. */
    String describe();

    @Override
    void close();
}

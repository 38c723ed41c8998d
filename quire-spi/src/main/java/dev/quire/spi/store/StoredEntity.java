package dev.quire.spi.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One persisted record of the metadata store: a JSON document addressed by (kind, id).
 *
 * @param kind      what the record is, e.g. {@code "iam-role"} or {@code "qbusiness-application"}
 * @param id        unique within the kind
 * @param scope     the owner path used for listing and cascading deletes, e.g. {@code ""} for
 *                  top-level records or {@code "app/abc"} for records that belong to application abc
 * @param json      the record's body, owned by the domain that wrote it
 * @param version   starts at 1 and grows by one on every update (optimistic concurrency)
 */
public record StoredEntity(String kind, String id, String scope, String json, long version,
                           Instant createdAt, Instant updatedAt) {
    public StoredEntity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}

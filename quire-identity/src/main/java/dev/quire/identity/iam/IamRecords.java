package dev.quire.identity.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.store.ConcurrentUpdateException;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Supplier;

/** JSON (de)serialization of IAM records and the optimistic-concurrency retry every mutation shares. */
final class IamRecords {
    static final String SCOPE = "";
    private static final int ATTEMPTS = 5;
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private IamRecords() {
    }

    static String write(Object record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + record.getClass().getSimpleName(), e);
        }
    }

    static <T> T read(StoredEntity entity, Class<T> type) {
        try {
            return JSON.readValue(entity.json(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored " + entity.kind() + " " + entity.id() + " is unreadable", e);
        }
    }

    static <T> Optional<T> find(MetadataStore store, String kind, String id, Class<T> type) {
        return store.get(kind, id).map(e -> read(e, type));
    }

    /**
     * Runs a read-modify-write transaction, retrying when another request changed a record in
     * between (records are updated with their expected version, so a lost update is impossible).
     */
    static <T> T mutate(MetadataStore store, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.inTransaction(work);
            } catch (ConcurrentUpdateException e) {
                if (attempt == ATTEMPTS) {
                    throw new ApiError(ErrorCode.SERVICE_FAILURE,
                            "The request conflicted with concurrent changes; retry it.");
                }
            }
        }
    }
}

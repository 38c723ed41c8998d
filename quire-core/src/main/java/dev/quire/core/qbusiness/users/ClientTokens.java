package dev.quire.core.qbusiness.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.store.EntityExistsException;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Idempotency of create calls that carry a {@code clientToken}: the same token with the same
 * request returns what the first call made; the same token with a different request is a
 * ConflictException. Tokens are recorded under the application's scope (deleted with it).
 */
public final class ClientTokens {
    public static final String KIND = "qbusiness-client-token";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .findAndRegisterModules();

    private final MetadataStore store;

    public ClientTokens(MetadataStore store) {
        this.store = store;
    }

    /**
     * Runs {@code create} (in one transaction with the token record) unless this token was
     * seen before, and returns the id of what the first call with this token created.
     *
     * @param request what the call asked for (compared, via its JSON, with later calls)
     */
    public String once(String applicationId, String operation, String token, Object request, Supplier<String> create) {
        if (token == null) {
            return store.inTransaction(create);
        }
        String id = operation + "/" + applicationId + "/" + token;
        String fingerprint = StoreKeys.sha256(json(request));
        EntityExistsException raced = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return store.inTransaction(() -> {
                    Optional<StoredEntity> seen = store.get(KIND, id);
                    if (seen.isPresent()) {
                        return replay(seen.get(), fingerprint, token);
                    }
                    String result = create.get();
                    store.insert(KIND, id, Scopes.application(applicationId),
                            json(Map.of("fingerprint", fingerprint, "resultId", result)));
                    return result;
                });
            } catch (EntityExistsException e) {
                raced = e; // a concurrent call with the same token won: read what it recorded
            }
        }
        throw raced;
    }

    private static String replay(StoredEntity seen, String fingerprint, String token) {
        try {
            ObjectNode recorded = (ObjectNode) JSON.readTree(seen.json());
            if (!recorded.path("fingerprint").asText().equals(fingerprint)) {
                throw new ApiError(ErrorCode.CONFLICT,
                        "The clientToken " + token + " was already used with a different request.",
                        Map.of("resourceId", token, "resourceType", "CLIENT_TOKEN"));
            }
            return recorded.path("resultId").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored client token is unreadable", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable: " + value, e);
        }
    }
}

package dev.quire.core.qbusiness;

import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Idempotent creates (the {@code clientToken} member): the same token with the same request
 * returns what the first call created; the same token with a different request is a
 * ConflictException. Call both methods inside the transaction that creates the resource, and
 * store the token record in the new resource's scope so it goes away with the resource.
 */
public final class ClientTokens {
    public static final String KIND = "qbusiness-client-token";

    private final MetadataStore store;

    public ClientTokens(MetadataStore store) {
        this.store = store;
    }

    record Entry(String fingerprint, String resourceId) {
    }

    /**
     * @param parent       what the token is unique within (e.g. the application id), "" for the account
     * @param request      the create request (its JSON is the fingerprint; it must not contain the token)
     * @param stillExists  whether the resource created earlier still exists; when it doesn't, the token is free again
     * @return the id of the resource the token created earlier, or empty when the token is new
     */
    public Optional<String> replay(String operation, String parent, String token, Object request,
                                   String resourceType, Predicate<String> stillExists) {
        if (token == null) {
            return Optional.empty();
        }
        Optional<StoredEntity> earlier = store.get(KIND, id(operation, parent, token));
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        Entry entry = StoredJson.read(earlier.get(), Entry.class);
        if (!stillExists.test(entry.resourceId())) {
            store.delete(KIND, earlier.get().id());
            return Optional.empty();
        }
        if (!entry.fingerprint().equals(StoredJson.write(request))) {
            throw new ApiError(ErrorCode.CONFLICT, "The clientToken " + token
                    + " was already used with a different request.",
                    Map.of("resourceId", entry.resourceId(), "resourceType", resourceType));
        }
        return Optional.of(entry.resourceId());
    }

    public void remember(String operation, String parent, String token, Object request, String resourceId,
                         String scope) {
        if (token != null) {
            store.insert(KIND, id(operation, parent, token), scope,
                    StoredJson.write(new Entry(StoredJson.write(request), resourceId)));
        }
    }

    private static String id(String operation, String parent, String token) {
        return operation + "/" + parent + "/" + token;
    }
}

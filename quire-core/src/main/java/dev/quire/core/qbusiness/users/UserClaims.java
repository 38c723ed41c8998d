package dev.quire.core.qbusiness.users;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.store.EntityExistsException;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The rule that keeps identities apart: within an application, a (lower-cased) id string
 * belongs to at most one user, whether it is that user's primary id or any of its aliases in any
 * slot. So no ACL entry can ever match two users of the user store.
 */
final class UserClaims {
    static final String KIND = "qbusiness-user-claim";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MetadataStore store;

    UserClaims(MetadataStore store) {
        this.store = store;
    }

    /** Claims every id for {@code owner} (a user key); ConflictException when another user holds one. */
    void claim(String applicationId, String owner, Collection<String> userKeys) {
        for (String key : userKeys) {
            Optional<String> holder = holder(applicationId, key);
            if (holder.isPresent()) {
                if (!holder.get().equals(owner)) {
                    throw taken(key, holder.get());
                }
                continue;
            }
            try {
                store.insert(KIND, id(applicationId, key), Scopes.application(applicationId),
                        JSON.writeValueAsString(Map.of("owner", owner, "userId", key)));
            } catch (EntityExistsException e) {
                throw taken(key, holder(applicationId, key).orElse("another user"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    void release(String applicationId, String owner, Collection<String> userKeys) {
        for (String key : userKeys) {
            if (holder(applicationId, key).filter(owner::equals).isPresent()) {
                store.delete(KIND, id(applicationId, key));
            }
        }
    }

    Optional<String> holder(String applicationId, String userKey) {
        return store.get(KIND, id(applicationId, userKey)).map(UserClaims::owner);
    }

    private static String owner(StoredEntity e) {
        try {
            return JSON.readTree(e.json()).path("owner").asText();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static ApiError taken(String key, String holder) {
        return new ApiError(ErrorCode.CONFLICT, "The user id " + key + " is already mapped to the user " + holder
                + "; an id can belong to only one user of an application.",
                Map.of("resourceId", key, "resourceType", "USER"));
    }

    private static String id(String applicationId, String userKey) {
        return applicationId + "/" + StoreKeys.sha256(userKey);
    }
}

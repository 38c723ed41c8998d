package dev.quire.core.qbusiness.users;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.quire.core.qbusiness.PrincipalGeneration;
import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.store.ConcurrentUpdateException;
import dev.quire.spi.store.EntityExistsException;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Q Business user store: CreateUser, GetUser, UpdateUser, DeleteUser. Users are keyed by the
 * lower-cased user id (emails compare case-insensitively) and keep the first spelling for display.
 * Record: kind {@value #KIND}, id {@code <app>/<sha256(lower userId)>}, scope {@code app/<app>}.
 */
public final class Users {
    public static final String KIND = "qbusiness-user";
    public static final int MAX_ALIASES = 100;
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final MetadataStore store;
    private final ResourceGuard guard;
    private final DataSourceRefs dataSources;
    private final ClientTokens tokens;
    private final UserClaims claims;
    private final Clock clock;

    public Users(MetadataStore store, Clock clock) {
        this.store = store;
        this.guard = new ResourceGuard(store);
        this.dataSources = new DataSourceRefs(store);
        this.tokens = new ClientTokens(store);
        this.claims = new UserClaims(store);
        this.clock = clock;
    }

    /** CreateUser. ConflictException when the user (any spelling) or one of its ids already exists. */
    public void create(String applicationId, String userId, List<UserAlias> aliases, String clientToken) {
        guard.requireApplication(applicationId);
        checkAliases(applicationId, "userAliases", aliases);
        String key = StoreKeys.userKey(userId);
        tokens.once(applicationId, "CreateUser", clientToken, Map.of("userId", userId, "userAliases", aliases), () -> {
            Instant now = clock.instant();
            try {
                store.insert(KIND, id(applicationId, key), Scopes.application(applicationId),
                        write(new User(userId, aliases, now, now)));
            } catch (EntityExistsException e) {
                throw new ApiError(ErrorCode.CONFLICT, "The user " + userId + " already exists in application "
                        + applicationId + ".", Map.of("resourceId", userId, "resourceType", "USER"));
            }
            claims.claim(applicationId, key, ids(userId, aliases));
            PrincipalGeneration.bump(store, applicationId);
            return key;
        });
    }

    public User get(String applicationId, String userId) {
        guard.requireApplication(applicationId);
        return find(applicationId, userId).orElseThrow(() -> notFound(applicationId, userId));
    }

    /** The user, if the user store has one for this id (any spelling); no application check. */
    public Optional<User> find(String applicationId, String userId) {
        return store.get(KIND, id(applicationId, StoreKeys.userKey(userId))).map(Users::read);
    }

    /**
     * UpdateUser: {@code toDelete} removes the alias in the same slot when its userId matches;
     * {@code toUpdate} then fills empty slots (added) or replaces the alias in a taken one (updated).
     */
    public UserAliasChanges update(String applicationId, String userId, List<UserAlias> toUpdate,
                                   List<UserAlias> toDelete) {
        guard.requireApplication(applicationId);
        checkAliases(applicationId, "userAliasesToUpdate", toUpdate);
        uniqueSlots("userAliasesToDelete", toDelete);
        for (int attempt = 0; ; attempt++) {
            try {
                return store.inTransaction(() -> apply(applicationId, userId, toUpdate, toDelete));
            } catch (ConcurrentUpdateException e) {
                if (attempt == 2) {
                    throw new ApiError(ErrorCode.CONFLICT, "The user " + userId + " is being changed by another "
                            + "request; try again.", Map.of("resourceId", userId, "resourceType", "USER"));
                }
            }
        }
    }

    private UserAliasChanges apply(String applicationId, String userId, List<UserAlias> toUpdate,
                                   List<UserAlias> toDelete) {
        String key = StoreKeys.userKey(userId);
        StoredEntity entity = store.get(KIND, id(applicationId, key))
                .orElseThrow(() -> notFound(applicationId, userId));
        User user = read(entity);
        List<UserAlias> aliases = new ArrayList<>(user.userAliases());
        List<UserAlias> added = new ArrayList<>();
        List<UserAlias> updated = new ArrayList<>();
        List<UserAlias> deleted = new ArrayList<>();
        for (UserAlias d : toDelete) {
            aliases.stream().filter(a -> a.slot().equals(d.slot())
                            && StoreKeys.userKey(a.userId()).equals(StoreKeys.userKey(d.userId())))
                    .findFirst().ifPresent(a -> {
                        aliases.remove(a);
                        deleted.add(a);
                    });
        }
        for (UserAlias u : toUpdate) {
            Optional<UserAlias> inSlot = aliases.stream().filter(a -> a.slot().equals(u.slot())).findFirst();
            if (inSlot.isEmpty()) {
                aliases.add(u);
                added.add(u);
            } else if (!inSlot.get().userId().equals(u.userId())) {
                aliases.set(aliases.indexOf(inSlot.get()), u);
                updated.add(u);
            }
        }
        if (aliases.size() > MAX_ALIASES) {
            throw ApiError.invalidField("userAliasesToUpdate", "A user may have at most " + MAX_ALIASES + " aliases.");
        }
        Set<String> before = ids(user.userId(), user.userAliases());
        Set<String> after = ids(user.userId(), aliases);
        Set<String> released = new HashSet<>(before);
        released.removeAll(after);
        claims.release(applicationId, key, released);
        claims.claim(applicationId, key, after);
        store.update(KIND, entity.id(), write(new User(user.userId(), aliases, user.createdAt(), clock.instant())),
                entity.version());
        PrincipalGeneration.bump(store, applicationId);
        return new UserAliasChanges(added, updated, deleted);
    }

    public void delete(String applicationId, String userId) {
        guard.requireApplication(applicationId);
        store.inTransaction(() -> {
            String key = StoreKeys.userKey(userId);
            User user = find(applicationId, userId).orElseThrow(() -> notFound(applicationId, userId));
            store.delete(KIND, id(applicationId, key));
            claims.release(applicationId, key, ids(user.userId(), user.userAliases()));
            PrincipalGeneration.bump(store, applicationId);
            return null;
        });
    }

    private void checkAliases(String applicationId, String field, List<UserAlias> aliases) {
        if (aliases.size() > MAX_ALIASES) {
            throw ApiError.invalidField(field, field + " may have at most " + MAX_ALIASES + " items.");
        }
        uniqueSlots(field, aliases);
        for (UserAlias a : aliases) {
            if (a.indexId() != null) {
                guard.requireIndex(applicationId, a.indexId());
            }
            if (a.dataSourceId() != null) {
                dataSources.require(applicationId, a.indexId(), a.dataSourceId());
            }
        }
    }

    private static void uniqueSlots(String field, List<UserAlias> aliases) {
        Set<String> slots = new HashSet<>();
        for (UserAlias a : aliases) {
            if (!slots.add(a.slot())) {
                throw ApiError.invalidField(field, field + " has two aliases for the same index and data source;"
                        + " a user has one alias per index/data source.");
            }
        }
    }

    private static Set<String> ids(String userId, List<UserAlias> aliases) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(StoreKeys.userKey(userId));
        aliases.forEach(a -> ids.add(StoreKeys.userKey(a.userId())));
        return ids;
    }

    private static ApiError notFound(String applicationId, String userId) {
        return ApiError.notFound("USER", userId, "The user " + userId + " doesn't exist in application "
                + applicationId + ".");
    }

    static String id(String applicationId, String userKey) {
        return applicationId + "/" + StoreKeys.sha256(userKey);
    }

    private static String write(User user) {
        try {
            return JSON.writeValueAsString(user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static User read(StoredEntity entity) {
        try {
            return JSON.readValue(entity.json(), User.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored user " + entity.id() + " is unreadable", e);
        }
    }
}

package dev.quire.core.qbusiness.subscriptions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.core.qbusiness.principals.PrincipalLookup;
import dev.quire.core.qbusiness.principals.PrincipalResolver;
import dev.quire.core.qbusiness.users.ClientTokens;
import dev.quire.core.qbusiness.users.StoreKeys;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.store.EntityExistsException;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.Page;
import dev.quire.spi.store.StoredEntity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Create/Update/List/CancelSubscription, and {@link #requireSubscribed} for the chat path.
 * A subscription (kind {@value #KIND}, id = subscriptionId, scope {@code app/<app>}) is found
 * from its principal through a unique record (kind {@value #PRINCIPAL_KIND}), so a principal has
 * at most one subscription even when two first calls race.
 */
public final class SubscriptionService {
    public static final String KIND = "qbusiness-subscription";
    public static final String PRINCIPAL_KIND = "qbusiness-subscription-principal";
    public static final String NOT_SUBSCRIBED = "User does not have a subscription for the given application.";
    private static final String INDEX_KIND = ResourceGuard.INDEX_KIND;
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final MetadataStore store;
    private final ResourceGuard guard;
    private final ClientTokens tokens;
    private final PrincipalLookup resolver;
    private final Clock clock;
    private final String accountId;

    public SubscriptionService(MetadataStore store, Clock clock, String accountId) {
        this(store, clock, accountId, new PrincipalResolver(store));
    }

    /** With the chat path's (cached) principal lookup, for the group-subscription check. */
    public SubscriptionService(MetadataStore store, Clock clock, String accountId, PrincipalLookup resolver) {
        this.store = store;
        this.guard = new ResourceGuard(store);
        this.tokens = new ClientTokens(store);
        this.resolver = resolver;
        this.clock = clock;
        this.accountId = accountId;
    }

    /**
     * CreateSubscription. A principal already subscribed is a ConflictException naming its
     * subscription; a principal whose subscription was cancelled gets it back with {@code type}.
     */
    public Subscription create(String applicationId, String region, SubscriptionPrincipal principal,
                               SubscriptionType type, String clientToken) {
        guard.requireApplication(applicationId);
        String id = tokens.once(applicationId, "CreateSubscription", clientToken,
                Map.of("principal", principal.key(), "type", type),
                () -> subscribe(applicationId, region, principal, type, false).subscriptionId());
        return load(applicationId, id).orElseThrow().asOf(clock.instant()).view();
    }

    public Subscription update(String applicationId, String subscriptionId, SubscriptionType type) {
        guard.requireApplication(applicationId);
        return store.inTransaction(() -> {
            StoredEntity e = entity(applicationId, subscriptionId);
            StoredSubscription changed = parse(e).changeTo(type, clock.instant());
            store.update(KIND, subscriptionId, json(changed), e.version());
            return changed.view();
        });
    }

    /** CancelSubscription: access lasts until the start of next month (nextSubscription absent). */
    public Subscription cancel(String applicationId, String subscriptionId) {
        guard.requireApplication(applicationId);
        return store.inTransaction(() -> {
            StoredEntity e = entity(applicationId, subscriptionId);
            StoredSubscription cancelled = parse(e).cancel(clock.instant());
            store.update(KIND, subscriptionId, json(cancelled), e.version());
            return cancelled.view();
        });
    }

    /** ListSubscriptions: subscriptions still in force this month; maxResults 1–100. */
    public Page<Subscription> list(String applicationId, String nextToken, Integer maxResults) {
        guard.requireApplication(applicationId);
        int limit = maxResults == null ? 100 : maxResults;
        if (limit < 1 || limit > 100) {
            throw ApiError.invalidField("maxResults", "maxResults must be between 1 and 100.");
        }
        String after = decode(nextToken);
        List<Subscription> out = new ArrayList<>();
        Instant now = clock.instant();
        while (true) {
            List<StoredEntity> rows = store.list(KIND, Scopes.application(applicationId), after, 100);
            for (StoredEntity row : rows) {
                if (out.size() == limit) {
                    return new Page<>(out, encode(after));
                }
                after = row.id();
                Subscription s = parse(row).asOf(now).view();
                if (s.active()) {
                    out.add(s);
                }
            }
            if (rows.size() < 100) {
                return new Page<>(out, null);
            }
        }
    }

    /**
     * The chat path's licence check. Passes when the user, or an INDEX group the user belongs to
     * in any index of the application (via {@link PrincipalResolver}), has a subscription in force.
     * Otherwise, with auto-subscription enabled, subscribes the user (once, even under concurrent
     * first calls) and passes; else AccessDeniedException, as Amazon Q Business answers.
     */
    public Subscription requireSubscribed(String applicationId, String region, String email, AutoSubscription auto) {
        guard.requireApplication(applicationId);
        Optional<Subscription> own = active(applicationId, SubscriptionPrincipal.ofUser(email));
        if (own.isPresent()) {
            return own.get();
        }
        for (String indexId : indexes(applicationId)) {
            for (String group : resolver.resolve(applicationId, indexId, email).indexGroupNames()) {
                Optional<Subscription> viaGroup = active(applicationId, SubscriptionPrincipal.ofGroup(group));
                if (viaGroup.isPresent()) {
                    return viaGroup.get();
                }
            }
        }
        if (!auto.enabled()) {
            throw new ApiError(ErrorCode.ACCESS_DENIED, NOT_SUBSCRIBED);
        }
        return subscribe(applicationId, region, SubscriptionPrincipal.ofUser(email), auto.typeToGrant(), true).view();
    }

    /** Inserts (or revives) the principal's subscription; with {@code orExisting}, an active one is returned. */
    private StoredSubscription subscribe(String applicationId, String region, SubscriptionPrincipal principal,
                                         SubscriptionType type, boolean orExisting) {
        for (int attempt = 0; ; attempt++) {
            try {
                return store.inTransaction(() -> insertOrRevive(applicationId, region, principal, type, orExisting));
            } catch (EntityExistsException e) {
                if (attempt == 2) {
                    throw new ApiError(ErrorCode.CONFLICT, "The subscription of " + principal.key()
                            + " is being changed by another request; try again.",
                            Map.of("resourceId", principal.key(), "resourceType", "SUBSCRIPTION"));
                }
                // another call subscribed this principal first: the next attempt finds its record
            }
        }
    }

    private StoredSubscription insertOrRevive(String applicationId, String region, SubscriptionPrincipal principal,
                                              SubscriptionType type, boolean orExisting) {
        Instant now = clock.instant();
        Optional<StoredEntity> existing = principalRecord(applicationId, principal)
                .flatMap(id -> store.get(KIND, id));
        if (existing.isPresent()) {
            StoredSubscription s = parse(existing.get()).asOf(now);
            if (s.current() != null && (orExisting || s.next() != null)) {
                if (orExisting) {
                    return s;
                }
                throw new ApiError(ErrorCode.CONFLICT, "The principal " + principal.key() + " already has the"
                        + " subscription " + s.subscriptionId() + ".",
                        Map.of("resourceId", s.subscriptionId(), "resourceType", "SUBSCRIPTION"));
            }
            StoredSubscription revived = s.changeTo(type, now);
            store.update(KIND, s.subscriptionId(), json(revived), existing.get().version());
            return revived;
        }
        String id = UUID.randomUUID().toString();
        String arn = "arn:aws:qbusiness:" + region + ":" + accountId + ":application/" + applicationId
                + "/subscription/" + id;
        StoredSubscription s = new StoredSubscription(id, arn, principal, type, type, null, now);
        store.insert(KIND, id, Scopes.application(applicationId), json(s));
        store.insert(PRINCIPAL_KIND, principalId(applicationId, principal), Scopes.application(applicationId),
                "{\"subscriptionId\":\"" + id + "\"}");
        return s;
    }

    private Optional<Subscription> active(String applicationId, SubscriptionPrincipal principal) {
        return principalRecord(applicationId, principal).flatMap(id -> load(applicationId, id))
                .map(s -> s.asOf(clock.instant()).view()).filter(Subscription::active);
    }

    private Optional<String> principalRecord(String applicationId, SubscriptionPrincipal principal) {
        return store.get(PRINCIPAL_KIND, principalId(applicationId, principal)).map(e -> {
            try {
                return JSON.readTree(e.json()).path("subscriptionId").asText();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    private List<String> indexes(String applicationId) {
        List<String> ids = new ArrayList<>();
        String after = null;
        List<StoredEntity> rows;
        do {
            rows = store.list(INDEX_KIND, Scopes.application(applicationId), after, 100);
            rows.forEach(r -> ids.add(r.id()));
            after = rows.isEmpty() ? after : rows.get(rows.size() - 1).id();
        } while (rows.size() == 100);
        return ids;
    }

    private Optional<StoredSubscription> load(String applicationId, String subscriptionId) {
        return store.get(KIND, subscriptionId).filter(e -> e.scope().equals(Scopes.application(applicationId)))
                .map(SubscriptionService::parse);
    }

    private StoredEntity entity(String applicationId, String subscriptionId) {
        return store.get(KIND, subscriptionId).filter(e -> e.scope().equals(Scopes.application(applicationId)))
                .orElseThrow(() -> ApiError.notFound("SUBSCRIPTION", subscriptionId, "The subscription "
                        + subscriptionId + " doesn't exist in application " + applicationId + "."));
    }

    private static String principalId(String applicationId, SubscriptionPrincipal principal) {
        return applicationId + "/" + StoreKeys.sha256(principal.key());
    }

    private static String encode(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("s1:" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (raw.startsWith("s1:")) {
                return raw.substring(3);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the ValidationException
        }
        throw ApiError.invalidField("nextToken", "The nextToken is not valid.");
    }

    private static String json(StoredSubscription s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StoredSubscription parse(StoredEntity e) {
        try {
            return JSON.readValue(e.json(), StoredSubscription.class);
        } catch (IOException ex) {
            throw new UncheckedIOException("stored subscription " + e.id() + " is unreadable", ex);
        }
    }
}

package dev.quire.core.qbusiness;

import dev.quire.core.qbusiness.tags.QBusinessArn;
import dev.quire.core.qbusiness.tags.ResourceTags;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.Page;
import dev.quire.spi.store.StoredEntity;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Q Business applications in the metadata store (kind {@value #KIND}, id = application id, scope ""). */
public final class Applications {
    public static final String KIND = "qbusiness-application";
    /** Amazon Q Business: 50 applications per account, not adjustable. */
    public static final int MAX_APPLICATIONS = 50;

    private final MetadataStore store;
    private final String accountId;
    private final ApplicationIdentity identity;
    private final ClientTokens tokens;
    private final ResourceTags tags;
    private final ResourceGuard guard;

    public Applications(MetadataStore store, String accountId, IdentityProviderLookup providers) {
        this.store = store;
        this.accountId = accountId;
        this.identity = new ApplicationIdentity(providers);
        this.tokens = new ClientTokens(store);
        this.tags = new ResourceTags(store);
        this.guard = new ResourceGuard(store);
    }

    /**
     * CreateApplication. Creation is synchronous in Quire, so the application is ACTIVE (never
     * observably CREATING) by the time this returns.
     *
     * @param region the region of the call's SigV4 scope, which the ARN carries
     */
    public Application create(String region, NewApplication request, String clientToken) {
        identity.check(request);
        return store.inTransaction(() -> {
            Optional<String> earlier = tokens.replay("CreateApplication", "", clientToken, request, "APPLICATION",
                    id -> store.get(KIND, id).isPresent());
            if (earlier.isPresent()) {
                return get(earlier.get());
            }
            if (store.count(KIND, "") >= MAX_APPLICATIONS) {
                throw new ApiError(ErrorCode.SERVICE_QUOTA_EXCEEDED, "An account can have at most "
                        + MAX_APPLICATIONS + " applications.", Map.of("resourceId", accountId,
                        "resourceType", "APPLICATION"));
            }
            String id = UUID.randomUUID().toString();
            String arn = QBusinessArn.application(region, accountId, id);
            Application app = new Application(id, arn, request.displayName(), request.description(),
                    request.identityType(), request.iamIdentityProviderArn(), request.clientIdsForOIDC(),
                    request.roleArn(), "ACTIVE", request.kmsKeyId(), request.attachmentsControlMode(),
                    request.qAppsControlMode(), request.personalizationControlMode(), "DISABLED", null,
                    request.quickSightClientNamespace(), null, null);
            StoredEntity stored = store.insert(KIND, id, "", StoredJson.write(app));
            tags.putAtCreate(arn, Scopes.application(id), request.tags());
            tokens.remember("CreateApplication", "", clientToken, request, id, Scopes.application(id));
            return parse(stored);
        });
    }

    public Application get(String applicationId) {
        return parse(guard.requireApplication(applicationId));
    }

    /** ListApplications: maxResults 1–100 (default 100), opaque nextToken. */
    public Page<Application> list(String nextToken, Integer maxResults) {
        return Pagination.page(store, KIND, "", nextToken, maxResults, 100, Applications::parse);
    }

    public void update(String applicationId, ApplicationChanges changes) {
        if (changes.identityCenterInstanceArn() != null) {
            throw ApplicationIdentity.identityCenterUnavailable("identityCenterInstanceArn");
        }
        store.inTransaction(() -> {
            StoredEntity current = guard.requireApplication(applicationId);
            Application app = parse(current);
            if (!"ACTIVE".equals(app.status())) {
                throw new ApiError(ErrorCode.CONFLICT, "The application " + applicationId + " is " + app.status()
                        + ".", Map.of("resourceId", applicationId, "resourceType", "APPLICATION"));
            }
            store.update(KIND, applicationId, StoredJson.write(app.with(changes)), current.version());
            return null;
        });
    }

    /**
     * DeleteApplication: marks it DELETING, then removes everything stored under
     * {@code app/<id>} and the record itself, all in one transaction.
     */
    public void delete(String applicationId) {
        store.inTransaction(() -> {
            StoredEntity current = guard.requireApplication(applicationId);
            StoredEntity deleting = store.update(KIND, applicationId,
                    StoredJson.write(parse(current).withStatus("DELETING")), current.version());
            store.deleteScope(Scopes.application(applicationId));
            store.delete(KIND, deleting.id());
            PrincipalGeneration.bump(store, applicationId);
            return null;
        });
    }

    public static Application parse(StoredEntity entity) {
        return StoredJson.read(entity, Application.class).withTimes(entity.createdAt(), entity.updatedAt());
    }
}

package dev.quire.core.qbusiness.index;

import dev.quire.core.qbusiness.Application;
import dev.quire.core.qbusiness.Applications;
import dev.quire.core.qbusiness.ClientTokens;
import dev.quire.core.qbusiness.Pagination;
import dev.quire.core.qbusiness.PrincipalGeneration;
import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.core.qbusiness.StoredJson;
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

/**
 * Native indexes (kind {@value ResourceGuard#INDEX_KIND}, scope {@code app/<app>}). Everything
 * an index holds lives in {@code app/<app>/index/<index>}, so deleting it is one deleteScope.
 */
public final class Indices {
    /** Provisionable units: a STARTER index up to 5, an ENTERPRISE index up to 50. */
    public static final int MAX_STARTER_UNITS = 5;
    public static final int MAX_ENTERPRISE_UNITS = 50;

    private final MetadataStore store;
    private final ResourceGuard guard;
    private final ClientTokens tokens;
    private final ResourceTags tags;
    private final IndexCapacity capacity;

    public Indices(MetadataStore store) {
        this.store = store;
        this.guard = new ResourceGuard(store);
        this.tokens = new ClientTokens(store);
        this.tags = new ResourceTags(store);
        this.capacity = new IndexCapacity(store);
    }

    public Index create(String applicationId, NewIndex request, String clientToken) {
        String type = request.type() != null ? request.type() : "ENTERPRISE";
        int units = request.units() != null ? request.units() : 1;
        requireUnitsAllowed(type, units, applicationId);
        return store.inTransaction(() -> {
            Application app = Applications.parse(guard.requireApplication(applicationId));
            Optional<String> earlier = tokens.replay("CreateIndex", applicationId, clientToken, request, "INDEX",
                    id -> exists(applicationId, id));
            if (earlier.isPresent()) {
                return get(applicationId, earlier.get());
            }
            String id = UUID.randomUUID().toString();
            String arn = QBusinessArn.index(app.applicationArn(), id);
            Index index = new Index(applicationId, id, arn, request.displayName(), request.description(), type,
                    units, "ACTIVE", null, null, null);
            StoredEntity stored = store.insert(ResourceGuard.INDEX_KIND, id, Scopes.application(applicationId),
                    StoredJson.write(index));
            tags.putAtCreate(arn, Scopes.index(applicationId, id), request.tags());
            tokens.remember("CreateIndex", applicationId, clientToken, request, id, Scopes.index(applicationId, id));
            return parse(stored);
        });
    }

    public Index get(String applicationId, String indexId) {
        return parse(guard.requireIndex(applicationId, indexId));
    }

    public TextDocumentStatistics statistics(String applicationId, String indexId) {
        return capacity.statistics(applicationId, indexId);
    }

    /** ListIndices: maxResults 1–100. */
    public Page<Index> list(String applicationId, String nextToken, Integer maxResults) {
        guard.requireApplication(applicationId);
        return Pagination.page(store, ResourceGuard.INDEX_KIND, Scopes.application(applicationId), nextToken,
                maxResults, 100, Indices::parse);
    }

    public void update(String applicationId, String indexId, IndexChanges changes) {
        store.inTransaction(() -> {
            StoredEntity current = guard.requireIndex(applicationId, indexId);
            Index index = parse(current);
            if (changes.units() != null) {
                requireUnitsAllowed(index.type(), changes.units(), indexId);
                TextDocumentStatistics now = capacity.statistics(applicationId, indexId);
                IndexCapacity.requireFits(indexId, changes.units(), now.indexedTextDocumentCount(),
                        now.indexedTextBytes());
            }
            store.update(ResourceGuard.INDEX_KIND, indexId, StoredJson.write(index.with(changes)), current.version());
            return null;
        });
    }

    /** DeleteIndex: everything under {@code app/<app>/index/<index>} and the record, in one transaction. */
    public void delete(String applicationId, String indexId) {
        store.inTransaction(() -> {
            guard.requireIndex(applicationId, indexId);
            store.deleteScope(Scopes.index(applicationId, indexId));
            store.delete(ResourceGuard.INDEX_KIND, indexId);
            PrincipalGeneration.bump(store, applicationId);
            return null;
        });
    }

    private boolean exists(String applicationId, String indexId) {
        return store.get(ResourceGuard.INDEX_KIND, indexId)
                .filter(e -> e.scope().equals(Scopes.application(applicationId))).isPresent();
    }

    private static void requireUnitsAllowed(String type, int units, String resourceId) {
        if (units < 1) {
            throw ApiError.invalidField("capacityConfiguration.units", "units must be at least 1.");
        }
        int max = type.equals("STARTER") ? MAX_STARTER_UNITS : MAX_ENTERPRISE_UNITS;
        if (units > max) {
            throw new ApiError(ErrorCode.SERVICE_QUOTA_EXCEEDED, "A " + type + " index can have at most " + max
                    + " capacity units; " + units + " were asked for.",
                    Map.of("resourceId", resourceId, "resourceType", "INDEX"));
        }
    }

    public static Index parse(StoredEntity entity) {
        return StoredJson.read(entity, Index.class).withTimes(entity.createdAt(), entity.updatedAt());
    }
}

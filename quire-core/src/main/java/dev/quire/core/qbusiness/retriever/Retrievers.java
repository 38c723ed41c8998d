package dev.quire.core.qbusiness.retriever;

import dev.quire.core.qbusiness.Application;
import dev.quire.core.qbusiness.Applications;
import dev.quire.core.qbusiness.ClientTokens;
import dev.quire.core.qbusiness.Pagination;
import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.core.qbusiness.StoredJson;
import dev.quire.core.qbusiness.tags.QBusinessArn;
import dev.quire.core.qbusiness.tags.ResourceTags;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.Page;
import dev.quire.spi.store.StoredEntity;
import java.util.Optional;
import java.util.UUID;

/** Retrievers (kind {@value ResourceGuard#RETRIEVER_KIND}, scope {@code app/<app>}). */
public final class Retrievers {
    private final MetadataStore store;
    private final ResourceGuard guard;
    private final ClientTokens tokens;
    private final ResourceTags tags;

    public Retrievers(MetadataStore store) {
        this.store = store;
        this.guard = new ResourceGuard(store);
        this.tokens = new ClientTokens(store);
        this.tags = new ResourceTags(store);
    }

    public Retriever create(String applicationId, NewRetriever request, String clientToken) {
        requireSourceFits(request.type(), request.source());
        return store.inTransaction(() -> {
            Application app = Applications.parse(guard.requireApplication(applicationId));
            requireIndexOf(applicationId, request.source());
            Optional<String> earlier = tokens.replay("CreateRetriever", applicationId, clientToken, request,
                    "RETRIEVER", id -> exists(applicationId, id));
            if (earlier.isPresent()) {
                return get(applicationId, earlier.get());
            }
            String id = UUID.randomUUID().toString();
            String arn = QBusinessArn.retriever(app.applicationArn(), id);
            RetrieverSource s = request.source();
            Retriever retriever = new Retriever(applicationId, id, arn, request.type(), request.displayName(),
                    "ACTIVE", request.roleArn(), s.indexId(), s.boostingOverrideJson(), s.kendraIndexId(), null, null);
            StoredEntity stored = store.insert(ResourceGuard.RETRIEVER_KIND, id, Scopes.application(applicationId),
                    StoredJson.write(retriever));
            tags.putAtCreate(arn, Scopes.application(applicationId), request.tags());
            tokens.remember("CreateRetriever", applicationId, clientToken, request, id,
                    Scopes.application(applicationId));
            return parse(stored);
        });
    }

    public Retriever get(String applicationId, String retrieverId) {
        return parse(guard.requireRetriever(applicationId, retrieverId));
    }

    /**
     * For chat: the retriever's native index id. A KENDRA_INDEX retriever is a ValidationException
     * (Quire has no Kendra); a native retriever whose index was deleted is ResourceNotFound.
     */
    public String requireNative(String applicationId, String retrieverId) {
        Retriever r = get(applicationId, retrieverId);
        if (!r.nativeIndex()) {
            throw ApiError.invalidField("retrieverId", "The retriever " + retrieverId
                    + " is a KENDRA_INDEX retriever; Quire can only retrieve from NATIVE_INDEX retrievers.");
        }
        guard.requireIndex(applicationId, r.indexId());
        return r.indexId();
    }

    /** ListRetrievers: maxResults 1–50. */
    public Page<Retriever> list(String applicationId, String nextToken, Integer maxResults) {
        guard.requireApplication(applicationId);
        return Pagination.page(store, ResourceGuard.RETRIEVER_KIND, Scopes.application(applicationId), nextToken,
                maxResults, 50, Retrievers::parse);
    }

    public void update(String applicationId, String retrieverId, RetrieverChanges changes) {
        store.inTransaction(() -> {
            StoredEntity current = guard.requireRetriever(applicationId, retrieverId);
            Retriever retriever = parse(current);
            if (changes.source() != null) {
                requireSourceFits(retriever.type(), changes.source());
                requireIndexOf(applicationId, changes.source());
            }
            store.update(ResourceGuard.RETRIEVER_KIND, retrieverId, StoredJson.write(retriever.with(changes)),
                    current.version());
            return null;
        });
    }

    public void delete(String applicationId, String retrieverId) {
        store.inTransaction(() -> {
            Retriever r = get(applicationId, retrieverId);
            store.delete(ResourceGuard.RETRIEVER_KIND, retrieverId);
            tags.delete(r.retrieverArn());
            return null;
        });
    }

    private static void requireSourceFits(String type, RetrieverSource source) {
        if (!type.equals(source.type())) {
            throw ApiError.invalidField("configuration", "A " + type + " retriever needs "
                    + (type.equals("NATIVE_INDEX") ? "nativeIndexConfiguration" : "kendraIndexConfiguration") + ".");
        }
    }

    private void requireIndexOf(String applicationId, RetrieverSource source) {
        if (source.indexId() != null) {
            guard.requireIndex(applicationId, source.indexId());
        }
    }

    private boolean exists(String applicationId, String retrieverId) {
        return store.get(ResourceGuard.RETRIEVER_KIND, retrieverId)
                .filter(e -> e.scope().equals(Scopes.application(applicationId))).isPresent();
    }

    public static Retriever parse(StoredEntity entity) {
        return StoredJson.read(entity, Retriever.class).withTimes(entity.createdAt(), entity.updatedAt());
    }
}

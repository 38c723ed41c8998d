package dev.quire.core.qbusiness.datasources;

import dev.quire.core.qbusiness.Pagination;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.qbusiness.PrincipalGeneration;
import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.core.qbusiness.documents.ScanPage;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.Page;
import dev.quire.spi.store.StoredEntity;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Data sources of an index: Create/Get/List/Update/Delete. */
public final class DataSources {
    public static final String KIND = "qbusiness-data-source";
    static final String TOKEN_KIND = "qbusiness-data-source-token";

    private final MetadataStore store;
    private final ResourceGuard guard;
    private final Clock clock;
    private volatile DataSourceDocuments documents = DataSourceDocuments.NONE;

    public DataSources(MetadataStore store, Clock clock) {
        this.store = store;
        this.guard = new ResourceGuard(store);
        this.clock = clock;
    }

    /** Wires what deleting a data source does to its documents (the documents service). */
    public void onDelete(DataSourceDocuments documents) {
        this.documents = documents;
    }

    /**
     * CreateDataSource. The same clientToken with the same request returns the same data source;
     * with a different request it is a ConflictException.
     */
    public DataSource create(String applicationId, String indexId, DataSourceInput in, String clientToken,
                             String region, String accountId) {
        guard.requireIndex(applicationId, indexId);
        if (in.displayName() == null) {
            throw ApiError.invalidField("displayName", "displayName is required.");
        }
        String type = DataSourceConfigurations.validate(in.configuration());
        String scope = Scopes.index(applicationId, indexId);
        return store.inTransaction(() -> {
            String requestHash = DataSourceJson.sha256(DataSourceJson.write(in));
            String tokenId = null;
            if (clientToken != null) {
                tokenId = DataSourceJson.sha256(scope + "\n" + clientToken);
                var seen = store.get(TOKEN_KIND, tokenId);
                if (seen.isPresent()) {
                    ObjectNode t = DataSourceJson.read(seen.get().json(), ObjectNode.class);
                    if (!t.path("requestHash").asText().equals(requestHash)) {
                        throw new ApiError(ErrorCode.CONFLICT, "The clientToken was already used with a different request.",
                                Map.of("resourceId", t.path("dataSourceId").asText(), "resourceType", "DATA_SOURCE"));
                    }
                    return get(applicationId, indexId, t.path("dataSourceId").asText());
                }
            }
            String id = UUID.randomUUID().toString();
            Instant now = clock.instant();
            String arn = "arn:aws:qbusiness:" + region + ":" + accountId + ":application/" + applicationId
                    + "/index/" + indexId + "/data-source/" + id;
            DataSource ds = new DataSource(applicationId, indexId, id, arn, in.displayName(), in.description(), type,
                    in.configuration(), in.vpcConfiguration(), in.syncSchedule(), in.roleArn(),
                    in.documentEnrichmentConfiguration(), in.mediaExtractionConfiguration(), in.tags(), "ACTIVE",
                    now, now);
            store.insert(KIND, id, scope, DataSourceJson.write(ds));
            if (tokenId != null) {
                ObjectNode t = DataSourceJson.JSON.createObjectNode().put("requestHash", requestHash).put("dataSourceId", id);
                store.insert(TOKEN_KIND, tokenId, scope, t.toString());
            }
            return ds;
        });
    }

    public DataSource get(String applicationId, String indexId, String dataSourceId) {
        return parse(require(applicationId, indexId, dataSourceId));
    }

    /** ListDataSources: maxResults 1–10. */
    public Page<DataSource> list(String applicationId, String indexId, String nextToken, Integer maxResults) {
        guard.requireIndex(applicationId, indexId);
        return ScanPage.read(store, KIND, Scopes.index(applicationId, indexId), nextToken,
                Pagination.limit(maxResults, 10), DataSources::parse, ds -> true);
    }

    /** UpdateDataSource: members given replace the stored ones; the rest stay. */
    public DataSource update(String applicationId, String indexId, String dataSourceId, DataSourceInput in) {
        return store.inTransaction(() -> {
            StoredEntity row = require(applicationId, indexId, dataSourceId);
            DataSource old = parse(row);
            String type = old.type();
            if (in.configuration() != null) {
                type = DataSourceConfigurations.validate(in.configuration());
            }
            DataSource ds = new DataSource(applicationId, indexId, dataSourceId, old.dataSourceArn(),
                    or(in.displayName(), old.displayName()), or(in.description(), old.description()), type,
                    or(in.configuration(), old.configuration()), or(in.vpcConfiguration(), old.vpcConfiguration()),
                    or(in.syncSchedule(), old.syncSchedule()), or(in.roleArn(), old.roleArn()),
                    or(in.documentEnrichmentConfiguration(), old.documentEnrichmentConfiguration()),
                    or(in.mediaExtractionConfiguration(), old.mediaExtractionConfiguration()), old.tags(),
                    old.status(), old.createdAt(), clock.instant());
            store.update(KIND, dataSourceId, DataSourceJson.write(ds), row.version());
            return ds;
        });
    }

    /** DeleteDataSource: the record and its sync jobs go at once; its documents are queued for deletion. */
    public void delete(String applicationId, String indexId, String dataSourceId) {
        store.inTransaction(() -> {
            require(applicationId, indexId, dataSourceId);
            documents.deleteAllOf(applicationId, indexId, dataSourceId);
            store.deleteScope(SyncJobs.scope(applicationId, indexId, dataSourceId));
            store.delete(KIND, dataSourceId);
            PrincipalGeneration.bump(store, applicationId);
            return null;
        });
    }

    StoredEntity require(String applicationId, String indexId, String dataSourceId) {
        guard.requireIndex(applicationId, indexId);
        return store.get(KIND, dataSourceId)
                .filter(e -> e.scope().equals(Scopes.index(applicationId, indexId)))
                .orElseThrow(() -> ApiError.notFound("DATA_SOURCE", dataSourceId,
                        "The data source " + dataSourceId + " doesn't exist in index " + indexId + "."));
    }

    static DataSource parse(StoredEntity e) {
        return DataSourceJson.read(e.json(), DataSource.class);
    }

    private static <T> T or(T given, T old) {
        return given != null ? given : old;
    }
}

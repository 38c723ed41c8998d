package dev.quire.core.qbusiness.datasources;

import dev.quire.core.qbusiness.Pagination;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.core.qbusiness.documents.ScanPage;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.Page;
import dev.quire.spi.store.StoredEntity;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Data source sync jobs. A CUSTOM data source has no connector: a sync job is the window in which
 * documents are put with its executionId as {@code dataSourceSyncId}; Stop ends it SUCCEEDED with
 * the counts of what was put. Other types have no connector in Quire yet, so their jobs end FAILED
 * at once, saying so.
 */
public final class SyncJobs {
    public static final String KIND = "qbusiness-data-source-sync-job";
    public static final List<String> STATUSES = List.of("FAILED", "SUCCEEDED", "SYNCING", "INCOMPLETE", "STOPPING",
            "ABORTED", "SYNCING_INDEXING");

    private final MetadataStore store;
    private final DataSources dataSources;
    private final Clock clock;

    public SyncJobs(MetadataStore store, DataSources dataSources, Clock clock) {
        this.store = store;
        this.dataSources = dataSources;
        this.clock = clock;
    }

    static String scope(String applicationId, String indexId, String dataSourceId) {
        return Scopes.index(applicationId, indexId) + "/datasource/" + dataSourceId;
    }

    /** StartDataSourceSyncJob: ConflictException while another job of the data source is SYNCING. */
    public SyncJob start(String applicationId, String indexId, String dataSourceId) {
        return store.inTransaction(() -> {
            StoredEntity dsRow = dataSources.require(applicationId, indexId, dataSourceId);
            DataSource ds = DataSources.parse(dsRow);
            String scope = scope(applicationId, indexId, dataSourceId);
            if (findRunning(scope) != null) {
                throw new ApiError(ErrorCode.CONFLICT, "A sync job is already running for data source "
                        + dataSourceId + "; stop it first.",
                        Map.of("resourceId", dataSourceId, "resourceType", "DATA_SOURCE"));
            }
            // Touching the data source record serialises concurrent starts: one of two racing
            // transactions fails its optimistic update instead of both starting a job.
            store.update(DataSources.KIND, dataSourceId, dsRow.json(), dsRow.version());
            Instant now = clock.instant();
            SyncJob job = new SyncJob(DataSourceJson.uuid7(now), applicationId, indexId, dataSourceId, "SYNCING",
                    now, null, null, null, SyncJob.SyncMetrics.ZERO);
            if (!DataSourceConfigurations.CUSTOM.equals(ds.type())) {
                job = job.ended("FAILED", now, "InternalError", "no connector for type " + ds.type()
                        + " yet: Quire syncs CUSTOM data sources only (put documents with this dataSourceSyncId).");
            }
            store.insert(KIND, job.executionId(), scope, DataSourceJson.write(job));
            return job;
        });
    }

    /** StopDataSourceSyncJob: ends the running job SUCCEEDED; ConflictException when none is running. */
    public SyncJob stop(String applicationId, String indexId, String dataSourceId) {
        return store.inTransaction(() -> {
            dataSources.require(applicationId, indexId, dataSourceId);
            StoredEntity row = findRunning(scope(applicationId, indexId, dataSourceId));
            if (row == null) {
                throw new ApiError(ErrorCode.CONFLICT, "No sync job is running for data source " + dataSourceId + ".",
                        Map.of("resourceId", dataSourceId, "resourceType", "DATA_SOURCE"));
            }
            SyncJob ended = parse(row).ended("SUCCEEDED", clock.instant(), null, null);
            store.update(KIND, row.id(), DataSourceJson.write(ended), row.version());
            return ended;
        });
    }

    /** ListDataSourceSyncJobs: jobs that started within [startTime, endTime], optionally of one status. */
    public Page<SyncJob> list(String applicationId, String indexId, String dataSourceId, Instant startTime,
                              Instant endTime, String status, String nextToken, Integer maxResults) {
        dataSources.require(applicationId, indexId, dataSourceId);
        int limit = Pagination.limit(maxResults, 10);
        return ScanPage.read(store, KIND, scope(applicationId, indexId, dataSourceId), nextToken, limit,
                SyncJobs::parse, job -> (startTime == null || !job.startTime().isBefore(startTime))
                        && (endTime == null || !job.startTime().isAfter(endTime))
                        && (status == null || status.equals(job.status())));
    }

    /**
     * The sync job a BatchPut/BatchDelete names as dataSourceSyncId, which must belong to this index;
     * ResourceNotFound otherwise. The caller checks {@link SyncJob#running()}.
     */
    public SyncJob requireJob(String applicationId, String indexId, String executionId) {
        String prefix = Scopes.index(applicationId, indexId) + "/datasource/";
        return store.get(KIND, executionId).filter(e -> e.scope().startsWith(prefix)).map(SyncJobs::parse)
                .orElseThrow(() -> ApiError.notFound("DATA_SOURCE_SYNC_JOB", executionId,
                        "The data source sync job " + executionId + " doesn't exist in index " + indexId + "."));
    }

    /** Adds to a job's metrics; call inside the transaction that stores the documents. */
    public void record(String executionId, SyncJob.SyncMetrics delta) {
        StoredEntity row = store.get(KIND, executionId).orElseThrow(() -> new IllegalStateException(
                "sync job " + executionId + " vanished"));
        store.update(KIND, executionId, DataSourceJson.write(parse(row).plus(delta)), row.version());
    }

    private StoredEntity findRunning(String scope) {
        String after = null;
        while (true) {
            List<StoredEntity> rows = store.list(KIND, scope, after, 100);
            for (StoredEntity row : rows) {
                if (parse(row).running()) {
                    return row;
                }
            }
            if (rows.size() < 100) {
                return null;
            }
            after = rows.get(rows.size() - 1).id();
        }
    }

    static SyncJob parse(StoredEntity e) {
        return DataSourceJson.read(e.json(), SyncJob.class);
    }
}

package dev.quire.core.qbusiness.datasources;

import java.time.Instant;

/**
 * One data source sync job (kind {@value SyncJobs#KIND}, scope app/&lt;app&gt;/index/&lt;index&gt;/datasource/&lt;ds&gt;).
 * executionId is a time-ordered UUID (version 7), so the store's id order is start order.
 *
 * @param status a DataSourceSyncJobStatus name (SYNCING, SUCCEEDED, FAILED, …)
 */
public record SyncJob(String executionId, String applicationId, String indexId, String dataSourceId,
                      String status, Instant startTime, Instant endTime, String errorCode, String errorMessage,
                      SyncMetrics metrics) {

    public boolean running() {
        return "SYNCING".equals(status);
    }

    SyncJob ended(String newStatus, Instant at, String code, String message) {
        return new SyncJob(executionId, applicationId, indexId, dataSourceId, newStatus, startTime, at, code, message,
                metrics);
    }

    SyncJob plus(SyncMetrics delta) {
        return new SyncJob(executionId, applicationId, indexId, dataSourceId, status, startTime, endTime, errorCode,
                errorMessage, metrics.plus(delta));
    }

    /** DataSourceSyncJobMetrics (strings on the wire). */
    public record SyncMetrics(long documentsAdded, long documentsModified, long documentsDeleted,
                              long documentsFailed, long documentsScanned) {
        public static final SyncMetrics ZERO = new SyncMetrics(0, 0, 0, 0, 0);

        public SyncMetrics plus(SyncMetrics o) {
            return new SyncMetrics(documentsAdded + o.documentsAdded, documentsModified + o.documentsModified,
                    documentsDeleted + o.documentsDeleted, documentsFailed + o.documentsFailed,
                    documentsScanned + o.documentsScanned);
        }
    }
}

package dev.quire.core.qbusiness.documents;

import java.time.Instant;

/**
 * One queued piece of index work (kind {@value DocumentKeys#JOB_KIND}, in the index scope). Job ids
 * start with the enqueue time in zero-padded milliseconds, so the store's id order is queue order.
 *
 * @param version     the document version the job was enqueued for; a job whose document has
 *                    moved on to another version is stale and dropped
 * @param state       QUEUED, or PROCESSING while a worker holds it
 * @param claimedBy   node id of the worker holding it; {@code incarnation} tells that worker's runs apart
 * @param claimedUntil the lease: after it, another node may take the job over
 */
public record IndexJob(String jobId, String applicationId, String indexId, String documentId, Operation operation,
                       long version, State state, int attempts, Instant notBefore, String claimedBy,
                       String incarnation, Instant claimedUntil, Instant enqueuedAt, String lastError) {

    public enum Operation { PUT, DELETE }

    public enum State { QUEUED, PROCESSING }

    IndexJob claimed(String node, String run, Instant until) {
        return new IndexJob(jobId, applicationId, indexId, documentId, operation, version, State.PROCESSING,
                attempts, notBefore, node, run, until, enqueuedAt, lastError);
    }

    IndexJob retryAt(Instant when, String error) {
        return new IndexJob(jobId, applicationId, indexId, documentId, operation, version, State.QUEUED,
                attempts + 1, when, null, null, null, enqueuedAt, error);
    }
}

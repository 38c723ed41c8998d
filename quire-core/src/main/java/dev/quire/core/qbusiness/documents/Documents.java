package dev.quire.core.qbusiness.documents;

import dev.quire.core.qbusiness.Pagination;
import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.datasources.DataSourceDocuments;
import dev.quire.core.qbusiness.datasources.SyncJob;
import dev.quire.core.qbusiness.datasources.SyncJobs;
import dev.quire.spi.store.ConcurrentUpdateException;
import dev.quire.spi.store.EntityExistsException;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.Page;
import dev.quire.spi.store.StoredEntity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Documents of an index: BatchPut, BatchDelete, List. An accepted document is stored (metadata,
 * content, ACL) with status RECEIVED and its index job is enqueued in the same transaction before
 * the call returns; the {@link IndexingWorker} does the rest. Per-document problems are returned as
 * {@link FailedDocument}s, never dropped.
 */
public final class Documents implements DataSourceDocuments {
    public static final int MAX_DOCUMENTS_PER_CALL = 10;
    public static final long MAX_CONTENT_BYTES = 10L * 1024 * 1024;
    private static final int TRANSACTION_ATTEMPTS = 5;

    private final MetadataStore store;
    private final ResourceGuard guard;
    private final IndexQueue queue;
    private final SyncJobs syncJobs;
    private final Clock clock;
    private volatile IndexCapacity capacity = IndexCapacity.UNLIMITED;
    private volatile Runnable onEnqueue = () -> { };

    public Documents(MetadataStore store, SyncJobs syncJobs, Clock clock) {
        this.store = store;
        this.guard = new ResourceGuard(store);
        this.queue = new IndexQueue(store);
        this.syncJobs = syncJobs;
        this.clock = clock;
    }

    /** Wires the index capacity check (the indexes area owns capacity). */
    public void useCapacity(IndexCapacity capacity) {
        this.capacity = capacity;
    }

    /** Called after jobs commit, e.g. {@code worker::wake}, so work starts without waiting for a poll. */
    public void onEnqueue(Runnable wake) {
        this.onEnqueue = wake;
    }

    /**
     * BatchPutDocument. {@code rejected} are documents the wire layer could not parse; they are
     * reported back with the others that fail here.
     */
    public List<FailedDocument> batchPut(String applicationId, String indexId, List<DocumentInput> documents,
                                         List<FailedDocument> rejected, String dataSourceSyncId) {
        guard.requireIndex(applicationId, indexId);
        SyncJob sync = dataSourceSyncId == null ? null : syncJobs.requireJob(applicationId, indexId, dataSourceSyncId);
        String dataSourceId = sync == null ? null : sync.dataSourceId();
        List<FailedDocument> failed = new ArrayList<>();
        rejected.forEach(f -> failed.add(new FailedDocument(f.id(), f.errorCode(), f.errorMessage(), dataSourceId)));
        Set<String> seen = new HashSet<>();
        rejected.forEach(f -> seen.add(f.id()));
        List<DocumentInput> accepted = new ArrayList<>();
        long bytes = 0;
        for (DocumentInput d : documents) {
            String problem = null;
            DocumentErrorCode code = DocumentErrorCode.INVALID_REQUEST;
            if (!seen.add(d.documentId())) {
                problem = "The document id " + d.documentId() + " appears more than once in this batch.";
            } else if (d.content().length > MAX_CONTENT_BYTES) {
                problem = "The document content is " + d.content().length + " bytes; the limit is 10 MB ("
                        + MAX_CONTENT_BYTES + " bytes).";
            } else if (sync != null && !sync.running()) {
                code = DocumentErrorCode.RESOURCE_INACTIVE;
                problem = "The data source sync job " + sync.executionId() + " is " + sync.status() + ", not SYNCING.";
            }
            if (problem != null) {
                failed.add(new FailedDocument(d.documentId(), code, problem, dataSourceId));
            } else {
                accepted.add(d);
                bytes += d.content().length;
            }
        }
        int newDocuments = (int) accepted.stream()
                .filter(d -> find(applicationId, indexId, d.documentId()).isEmpty()).count();
        capacity.check(applicationId, indexId, newDocuments, bytes);
        int scanned = documents.size() + rejected.size();
        retrying(() -> store.inTransaction(() -> {
            long added = 0;
            long modified = 0;
            for (DocumentInput d : accepted) {
                if (put(applicationId, indexId, d, dataSourceId)) {
                    modified++;
                } else {
                    added++;
                }
            }
            if (sync != null) {
                syncJobs.record(sync.executionId(), new SyncJob.SyncMetrics(added, modified, 0, failed.size(), scanned));
            }
            return null;
        }));
        if (!accepted.isEmpty()) {
            onEnqueue.run();
        }
        return failed;
    }

    /** @return whether the document replaced a live one */
    private boolean put(String applicationId, String indexId, DocumentInput d, String dataSourceId) {
        String key = DocumentKeys.documentKey(indexId, d.documentId());
        String scope = DocumentKeys.scope(applicationId, indexId);
        var now = clock.instant();
        Optional<StoredEntity> row = store.get(DocumentKeys.DOCUMENT_KIND, key);
        StoredDocument old = row.map(r -> DocumentKeys.read(r.json(), StoredDocument.class)).orElse(null);
        boolean live = old != null && old.status() != DocumentStatus.DELETED;
        long version = old == null ? 1 : old.version() + 1;
        StoredDocument doc = new StoredDocument(applicationId, indexId, d.documentId(), d.title(), d.contentType(),
                d.attributes(), d.acl(), dataSourceId, version, d.content().length, DocumentStatus.RECEIVED, null,
                live ? old.createdAt() : now, now);
        if (row.isPresent()) {
            store.update(DocumentKeys.DOCUMENT_KIND, key, DocumentKeys.write(doc), row.get().version());
        } else {
            store.insert(DocumentKeys.DOCUMENT_KIND, key, scope, DocumentKeys.write(doc));
        }
        String content = DocumentKeys.write(new StoredContent(d.documentId(), version, d.content()));
        Optional<StoredEntity> oldContent = store.get(DocumentKeys.CONTENT_KIND, key);
        if (oldContent.isPresent()) {
            store.update(DocumentKeys.CONTENT_KIND, key, content, oldContent.get().version());
        } else {
            store.insert(DocumentKeys.CONTENT_KIND, key, scope, content);
        }
        queue.enqueue(applicationId, indexId, d.documentId(), IndexJob.Operation.PUT, version, now);
        return live;
    }

    /** BatchDeleteDocument: marks documents DELETING and queues their removal. */
    public List<FailedDocument> batchDelete(String applicationId, String indexId, List<String> documentIds,
                                            String dataSourceSyncId) {
        guard.requireIndex(applicationId, indexId);
        SyncJob sync = dataSourceSyncId == null ? null : syncJobs.requireJob(applicationId, indexId, dataSourceSyncId);
        String dataSourceId = sync == null ? null : sync.dataSourceId();
        List<FailedDocument> failed = new ArrayList<>();
        List<String> deleting = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(documentIds)) {
            Optional<StoredDocument> doc = find(applicationId, indexId, id);
            if (doc.isEmpty()) {
                failed.add(new FailedDocument(id, DocumentErrorCode.RESOURCE_NOT_FOUND,
                        "The document " + id + " doesn't exist in index " + indexId + ".", dataSourceId));
            } else if (sync != null && !sync.running()) {
                failed.add(new FailedDocument(id, DocumentErrorCode.RESOURCE_INACTIVE, "The data source sync job "
                        + sync.executionId() + " is " + sync.status() + ", not SYNCING.", dataSourceId));
            } else {
                deleting.add(id);
            }
        }
        retrying(() -> store.inTransaction(() -> {
            long deleted = 0;
            for (String id : deleting) {
                deleted += markDeleting(applicationId, indexId, id) ? 1 : 0;
            }
            if (sync != null) {
                syncJobs.record(sync.executionId(), new SyncJob.SyncMetrics(0, 0, deleted, failed.size(),
                        documentIds.size()));
            }
            return null;
        }));
        if (!deleting.isEmpty()) {
            onEnqueue.run();
        }
        return failed;
    }

    /** @return false when the document was already being deleted (deleting twice is not an error) */
    private boolean markDeleting(String applicationId, String indexId, String documentId) {
        String key = DocumentKeys.documentKey(indexId, documentId);
        Optional<StoredEntity> row = store.get(DocumentKeys.DOCUMENT_KIND, key);
        if (row.isEmpty()) {
            return false;
        }
        StoredDocument doc = DocumentKeys.read(row.get().json(), StoredDocument.class);
        if (doc.status() == DocumentStatus.DELETING || doc.status() == DocumentStatus.DELETED) {
            return false;
        }
        var now = clock.instant();
        store.update(DocumentKeys.DOCUMENT_KIND, key, DocumentKeys.write(doc.withStatus(DocumentStatus.DELETING,
                null, now)), row.get().version());
        queue.enqueue(applicationId, indexId, documentId, IndexJob.Operation.DELETE, doc.version(), now);
        return true;
    }

    @Override
    public int deleteAllOf(String applicationId, String indexId, String dataSourceId) {
        int marked = 0;
        String after = null;
        while (true) {
            List<StoredEntity> rows = store.list(DocumentKeys.DOCUMENT_KIND, DocumentKeys.scope(applicationId, indexId),
                    after, 200);
            for (StoredEntity row : rows) {
                StoredDocument doc = DocumentKeys.read(row.json(), StoredDocument.class);
                if (dataSourceId.equals(doc.dataSourceId()) && markDeleting(applicationId, indexId, doc.documentId())) {
                    marked++;
                }
            }
            if (rows.size() < 200) {
                break;
            }
            after = rows.get(rows.size() - 1).id();
        }
        if (marked > 0) {
            onEnqueue.run();
        }
        return marked;
    }

    /** ListDocuments: maxResults 1–100; {@code dataSourceIds} empty means every document. */
    public Page<DocumentDetails> list(String applicationId, String indexId, Set<String> dataSourceIds,
                                      String nextToken, Integer maxResults) {
        guard.requireIndex(applicationId, indexId);
        return ScanPage.read(store, DocumentKeys.DOCUMENT_KIND, DocumentKeys.scope(applicationId, indexId), nextToken,
                Pagination.limit(maxResults, 100),
                row -> DocumentKeys.read(row.json(), StoredDocument.class).details(),
                d -> dataSourceIds.isEmpty() || dataSourceIds.contains(d.dataSourceId()));
    }

    /** The stored document (any status, DELETED tombstones included), without its content. */
    public Optional<StoredDocument> find(String applicationId, String indexId, String documentId) {
        return store.get(DocumentKeys.DOCUMENT_KIND, DocumentKeys.documentKey(indexId, documentId))
                .filter(e -> e.scope().equals(DocumentKeys.scope(applicationId, indexId)))
                .map(e -> DocumentKeys.read(e.json(), StoredDocument.class));
    }

    /** Runs a transaction again when a concurrent writer touched the same records (optimistic locking). */
    private static void retrying(Supplier<Object> tx) {
        for (int attempt = 1; ; attempt++) {
            try {
                tx.get();
                return;
            } catch (ConcurrentUpdateException | EntityExistsException e) {
                if (attempt == TRANSACTION_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}

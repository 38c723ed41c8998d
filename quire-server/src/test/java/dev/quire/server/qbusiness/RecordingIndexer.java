package dev.quire.server.qbusiness;

import dev.quire.spi.index.DocumentIndexer;
import dev.quire.spi.index.IndexableDocument;
import dev.quire.spi.index.PermanentIndexingFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A test indexer: records calls, fails on demand, can block inside a call. */
final class RecordingIndexer implements DocumentIndexer {
    final List<IndexableDocument> indexed = new CopyOnWriteArrayList<>();
    final List<String> deleted = new CopyOnWriteArrayList<>();
    /** documentId → how many more calls fail transiently. */
    final Map<String, AtomicInteger> transientFailures = new ConcurrentHashMap<>();
    final Map<String, String> permanentFailures = new ConcurrentHashMap<>();
    volatile CountDownLatch entered;
    volatile CountDownLatch release;

    @Override
    public void index(IndexableDocument doc) {
        CountDownLatch r = release;
        if (r != null) {
            entered.countDown();
            try {
                r.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while indexing");
            }
        }
        String permanent = permanentFailures.get(doc.documentId());
        if (permanent != null) {
            throw new PermanentIndexingFailure(permanent);
        }
        AtomicInteger left = transientFailures.get(doc.documentId());
        if (left != null && left.getAndDecrement() > 0) {
            throw new IllegalStateException("search index busy");
        }
        indexed.add(doc);
    }

    @Override
    public void delete(String applicationId, String indexId, String documentId) {
        deleted.add(documentId);
    }
}

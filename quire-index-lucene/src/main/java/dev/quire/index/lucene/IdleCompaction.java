package dev.quire.index.lucene;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the search index down to ONE segment once no write has come for {@code idle}.
 *
 * <p>Why: the kNN leg of every search walks one HNSW graph per segment, and a walk costs about
 * the logarithm of the segment's size, so eight segments cost several times what one does; for
 * a user who may read a small share of the chunks, each segment may even fall back to scanning
 * its readable chunks (see {@link SelectiveKnnQuery}). Lucene's ordinary merge policy keeps about
 * ten segments per size tier, which suits text but not vectors. Merging while documents pour in
 * would spend the cores the embedding model needs, hence "when idle" — the practice OpenSearch
 * documents for k-NN indexes (force merge to one segment once writes stop).
 *
 * <p>Searches go on during a compaction against the segments they started with; a write that
 * comes meanwhile is applied as usual (Lucene carries its deletes into the merged segment) and
 * the next idle period merges it in. The merged segment reuses the largest segment's graph when
 * that segment has no deleted chunks; otherwise the whole graph is rebuilt, which at a million
 * chunks takes tens of minutes of background work. Closing the index aborts a running compaction
 * (nothing acknowledged is lost: every write is committed before it returns).
 */
final class IdleCompaction implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IdleCompaction.class);

    /** From this size on a compaction takes minutes and is logged at INFO; smaller ones at DEBUG. */
    static final int LARGE_INDEX_CHUNKS = 100_000;

    private final IndexWriter writer;
    private final IntSupplier segmentCount;
    private final Runnable publish;
    private final long idleNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong lastWrite;
    private final ScheduledExecutorService timer;
    private volatile boolean closed;

    /**
     * @param segmentCount segments the current searcher sees
     * @param publish      commits the merged state and refreshes searchers (under the index's write lock)
     */
    IdleCompaction(IndexWriter writer, IntSupplier segmentCount, Runnable publish, Duration idle,
                   LongSupplier nanoClock, boolean scheduled) {
        this.writer = writer;
        this.segmentCount = segmentCount;
        this.publish = publish;
        this.idleNanos = idle.toNanos();
        this.nanoClock = nanoClock;
        this.lastWrite = new AtomicLong(nanoClock.getAsLong());
        if (scheduled) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "quire-index-compaction");
                t.setDaemon(true);
                return t;
            });
            long period = Math.max(50, Math.min(10_000, idle.toMillis() / 2));
            timer.scheduleWithFixedDelay(this::tickSafely, period, period, TimeUnit.MILLISECONDS);
        } else {
            timer = null;
        }
    }

    /** Every write restarts the idle period. */
    void wrote() {
        lastWrite.set(nanoClock.getAsLong());
    }

    /**
     * Compacts now if the index has been idle long enough and has more than one segment.
     *
     * @return whether it merged
     */
    boolean tick() throws IOException {
        if (closed || nanoClock.getAsLong() - lastWrite.get() < idleNanos) {
            return false;
        }
        int before = segmentCount.getAsInt();
        if (before <= 1) {
            return false;
        }
        long start = System.nanoTime();
        int chunks = writer.getDocStats().maxDoc;
        // A small index merges in a blink; only a long background merge is worth an operator's attention.
        boolean large = chunks >= LARGE_INDEX_CHUNKS;
        log(large, "Compacting the search index ({} chunks): {} segments into one, in the background;"
                + " searches go on meanwhile", chunks, before);
        writer.forceMerge(1, true);
        if (closed) {
            return false;
        }
        publish.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        log(large || seconds >= 5, "Compacted the search index into {} segment(s) in {} s", segmentCount.getAsInt(),
                String.format("%.1f", seconds));
        return true;
    }

    private static void log(boolean info, String message, Object... args) {
        if (info) {
            LOG.info(message, args);
        } else {
            LOG.debug(message, args);
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (AlreadyClosedException e) {
            if (!closed) {
                LOG.warn("Search index compaction stopped: {}", e.toString());
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                // The index stays as it was (more segments, slower kNN); the next idle period retries.
                LOG.warn("Search index compaction failed, will retry when idle: {}", e.toString());
            }
        }
    }

    /**
     * Stops the timer. Never by interrupting it: an interrupt during Lucene's file I/O closes the
     * channel and invalidates the index's write lock. A merge in progress is aborted by the caller
     * rolling the writer back, which also releases the blocked {@code forceMerge}.
     */
    @Override
    public void close() {
        closed = true;
        if (timer != null) {
            timer.shutdown();
        }
    }
}

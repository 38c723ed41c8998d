package dev.quire.index.lucene;

import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * The documents of one Lucene segment that a search filter (scope + caller's ACL + attribute
 * filter, as ONE query) admits, as a bitset, kept for reuse by later searches with the same filter:
 * both legs of a hybrid search, and the next question of the same user.
 *
 * <p>Why an entry can never admit a document the filter does not admit now: the key is the
 * segment READER's cache key ({@link LeafReader#getReaderCacheHelper()}), not the segment name or
 * its position. Lucene gives a segment a new reader, hence a new key, whenever anything a search
 * sees in it changes (deletions, doc-value updates); documents themselves are never modified in
 * place, a rewritten document is a delete in its old segment plus an add in a new segment. So a
 * write that changes a chunk's ACL makes every entry that covered the old chunk unreachable, and
 * the new chunk lands in a segment no entry covers yet. The filter query itself is the other half
 * of the key (it holds the principals, the slot count, the scope and the attribute filter), so two
 * callers share an entry only when their filters are equal. Bits are computed WITHOUT live docs;
 * Lucene applies deletions on top, as it does for every filter.
 *
 * <p>Bounded by a byte budget (one bit per document of the segment), least recently used first out.
 */
final class FilterBitsCache {
    private final long maxBytes;
    private final LinkedHashMap<Key, FixedBitSet> entries = new LinkedHashMap<>(64, 0.75f, true);
    private final Set<IndexReader.CacheKey> listenedReaders = new HashSet<>();
    private long bytes;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    FilterBitsCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    private record Key(IndexReader.CacheKey reader, Query filter) {
    }

    /** A query admitting what {@code filter} admits, served from (and filling) this cache. */
    Query wrap(Query filter) {
        return new CachedFilterQuery(filter, this);
    }

    /**
     * The filter's bits for one segment, computed with {@code weight} (created lazily, at most once
     * per search) on a miss; null when the segment's reader offers no cache key (then nothing is
     * cached and the caller iterates the filter directly).
     */
    FixedBitSet bits(LeafReaderContext leaf, Query filter, WeightSupplier weight) throws IOException {
        IndexReader.CacheHelper helper = leaf.reader().getReaderCacheHelper();
        if (helper == null) {
            return null;
        }
        Key key = new Key(helper.getKey(), filter);
        synchronized (this) {
            FixedBitSet cached = entries.get(key);
            if (cached != null) {
                hits.incrementAndGet();
                return cached;
            }
        }
        misses.incrementAndGet();
        FixedBitSet computed = compute(leaf, weight.get());
        long size = computed.ramBytesUsed();
        if (size > maxBytes) {
            return computed;
        }
        boolean listen;
        synchronized (this) {
            if (entries.putIfAbsent(key, computed) == null) {
                bytes += size;
                evictOverBudget();
            }
            listen = listenedReaders.add(key.reader());
        }
        if (listen) {
            helper.addClosedListener(this::evictReader);
        }
        return computed;
    }

    private static FixedBitSet compute(LeafReaderContext leaf, Weight weight) throws IOException {
        FixedBitSet bits = new FixedBitSet(leaf.reader().maxDoc());
        Scorer scorer = weight.scorer(leaf);
        if (scorer != null) {
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                bits.set(doc);
            }
        }
        return bits;
    }

    private void evictOverBudget() {
        Iterator<Map.Entry<Key, FixedBitSet>> it = entries.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            bytes -= it.next().getValue().ramBytesUsed();
            it.remove();
        }
    }

    /** Drops every entry of a closed reader at once instead of waiting for them to age out. */
    private synchronized void evictReader(IndexReader.CacheKey reader) {
        listenedReaders.remove(reader);
        Iterator<Map.Entry<Key, FixedBitSet>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, FixedBitSet> e = it.next();
            if (e.getKey().reader() == reader) {
                bytes -= e.getValue().ramBytesUsed();
                it.remove();
            }
        }
    }

    long hitCount() {
        return hits.get();
    }

    long missCount() {
        return misses.get();
    }

    synchronized int size() {
        return entries.size();
    }

    /** Creates the filter's weight for a searcher the first time a segment misses. */
    static final class WeightSupplier {
        private final IndexSearcher searcher;
        private final Query filter;
        private Weight weight;

        WeightSupplier(IndexSearcher searcher, Query filter) {
            this.searcher = Objects.requireNonNull(searcher);
            this.filter = filter;
        }

        synchronized Weight get() throws IOException {
            if (weight == null) {
                weight = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
            }
            return weight;
        }
    }
}

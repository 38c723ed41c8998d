package dev.quire.index.lucene;

import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

/**
 * The {@link QuantizedVectors} of the index's large segments, built on a segment's first exact scan
 * and dropped when the segment's core closes (merged away), least recently used first out of a
 * byte budget. Small segments are not quantized: their float scan is short, and under steady
 * writes they are replaced too soon to repay the build (one read of all their vectors). While one
 * search builds a segment's codes, others scan its float vectors instead of waiting.
 */
final class QuantizedVectorCache {
    /** Segments with fewer documents are scanned on their float vectors. */
    static final int DEFAULT_MIN_DOCS = 10_000;

    private final long maxBytes;
    private final int minDocs;
    private final LinkedHashMap<Key, QuantizedVectors> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<Key> building = new HashSet<>();
    private final Set<IndexReader.CacheKey> listenedCores = new HashSet<>();
    private long bytes;

    QuantizedVectorCache(long maxBytes, int minDocs) {
        this.maxBytes = maxBytes;
        this.minDocs = minDocs;
    }

    /** A quarter of the heap: 1M chunks of 384 dimensions take ~390 MB. */
    static QuantizedVectorCache withDefaultBudget() {
        return new QuantizedVectorCache(Runtime.getRuntime().maxMemory() / 4, DEFAULT_MIN_DOCS);
    }

    private record Key(IndexReader.CacheKey core, String field) {
    }

    /**
     * The segment's codes for {@code field}, building them now if this segment qualifies; null when
     * the float vectors should be scanned instead (small segment, over budget, being built by
     * another search, a similarity the codes don't approximate, or no stable core key).
     */
    QuantizedVectors get(LeafReader reader, FieldInfo field) throws IOException {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null || reader.maxDoc() < minDocs || !QuantizedVectors.supports(field.getVectorSimilarityFunction())) {
            return null;
        }
        long size = QuantizedVectors.bytesFor(reader.maxDoc(), field.getVectorDimension());
        if (size < 0 || size > maxBytes) {
            return null;
        }
        Key key = new Key(helper.getKey(), field.name);
        synchronized (this) {
            QuantizedVectors cached = entries.get(key);
            if (cached != null || !building.add(key)) {
                return cached;
            }
        }
        QuantizedVectors built = null;
        try {
            FloatVectorValues values = reader.getFloatVectorValues(field.name);
            built = values == null ? null
                    : QuantizedVectors.build(values, reader.maxDoc(), field.getVectorSimilarityFunction());
        } finally {
            boolean listen;
            synchronized (this) {
                building.remove(key);
                if (built != null) {
                    entries.put(key, built);
                    bytes += built.ramBytesUsed();
                    evictOverBudget();
                }
                listen = listenedCores.add(key.core());
            }
            if (listen) {
                helper.addClosedListener(this::evictCore);
            }
        }
        return built;
    }

    private void evictOverBudget() {
        Iterator<Map.Entry<Key, QuantizedVectors>> it = entries.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            bytes -= it.next().getValue().ramBytesUsed();
            it.remove();
        }
    }

    private synchronized void evictCore(IndexReader.CacheKey core) {
        listenedCores.remove(core);
        Iterator<Map.Entry<Key, QuantizedVectors>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, QuantizedVectors> e = it.next();
            if (e.getKey().core() == core) {
                bytes -= e.getValue().ramBytesUsed();
                it.remove();
            }
        }
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long bytesUsed() {
        return bytes;
    }
}

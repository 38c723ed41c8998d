package dev.quire.core.retrieval;

import dev.quire.spi.embed.Embedder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers the embeddings of recent questions, keyed by their exact text, so a question asked
 * again (the same FAQ by many users, a retried request) skips the model, which is by far the
 * largest cost of a chat request. An embedding depends only on the text and the model, never on
 * the user, so sharing entries across users reveals nothing; the ACL is applied later by the
 * index, per user. Least recently used first out; texts longer than {@value #MAX_CACHED_CHARS}
 * characters are embedded but not kept. Callers get a copy, so nobody can alter a cached vector.
 */
public final class QueryEmbeddingCache implements Embedder {
    static final int MAX_CACHED_CHARS = 1_000;

    private final Embedder model;
    private final Map<String, float[]> recent;
    private final AtomicLong hits = new AtomicLong();

    public QueryEmbeddingCache(Embedder model, int capacity) {
        this.model = model;
        this.recent = new LinkedHashMap<>(Math.min(capacity, 1_024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public String modelName() {
        return model.modelName();
    }

    @Override
    public float[] embed(String text) {
        float[] cached;
        synchronized (recent) {
            cached = recent.get(text);
        }
        if (cached != null) {
            hits.incrementAndGet();
            return cached.clone();
        }
        float[] vector = model.embed(text);
        if (text.length() <= MAX_CACHED_CHARS) {
            synchronized (recent) {
                recent.put(text, vector.clone());
            }
        }
        return vector;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }

    long hitCount() {
        return hits.get();
    }
}

package dev.quire.core.chat;

import java.util.Locale;
import dev.quire.spi.embed.Embedder;

/**
 * A small deterministic embedder (feature hashing of lower-cased words of 3+ characters, L2-normalised): no
 * model file, the same vector on every machine. It keeps the permission-leak check fast and
 * reproducible; the vector leg of hybrid retrieval still runs, so the ACL filter is exercised
 * on kNN as well as on BM25.
 */
public final class HashingEmbedder implements Embedder {
    private final int dimension;

    public HashingEmbedder(int dimension) {
        if (dimension < 2) {
            throw new IllegalArgumentException("dimension must be at least 2");
        }
        this.dimension = dimension;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String modelName() {
        return "hashing-" + dimension;
    }

    @Override
    public float[] embed(String text) {
        float[] v = new float[dimension];
        for (String term : (text == null ? "" : text).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (term.length() < 3) {
                continue;
            }
            int h = term.hashCode() * 0x9E3779B1;
            v[Math.floorMod(h, dimension)] += (h >>> 31) == 0 ? 1f : -1f;
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1f;
            return v;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }
}

package dev.quire.index.lucene;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): a result's fused score is the
 * sum over the lists that contain it of 1 / (K + rank), rank counted from 1. K = 60 is the value
 * from that paper and the default of OpenSearch's and Elasticsearch's RRF; it damps the head so one
 * list's first place cannot outvote agreement between lists. RRF uses ranks only, so BM25 scores
 * (unbounded) and cosine scores (0..1) need no normalisation against each other.
 */
final class RankFusion {
    static final int K = 60;

    private RankFusion() {
    }

    /** A fused entry: the item's key and its fused score. */
    record Fused<T>(T key, double score, int firstSeen) {
    }

    /**
     * Fuses ranked lists of keys (best first); ties keep the order of first appearance (earlier
     * lists first), so the result is deterministic.
     */
    @SafeVarargs
    static <T> List<Fused<T>> fuse(int limit, List<T>... rankings) {
        Map<T, double[]> scores = new HashMap<>();
        Map<T, Integer> firstSeen = new HashMap<>();
        int seen = 0;
        for (List<T> ranking : rankings) {
            for (int i = 0; i < ranking.size(); i++) {
                T key = ranking.get(i);
                scores.computeIfAbsent(key, k -> new double[1])[0] += 1.0 / (K + i + 1);
                if (!firstSeen.containsKey(key)) {
                    firstSeen.put(key, seen++);
                }
            }
        }
        List<Fused<T>> fused = new ArrayList<>(scores.size());
        scores.forEach((key, s) -> fused.add(new Fused<>(key, s[0], firstSeen.get(key))));
        fused.sort(Comparator.comparingDouble((Fused<T> f) -> -f.score()).thenComparingInt(Fused::firstSeen));
        return fused.size() > limit ? List.copyOf(fused.subList(0, limit)) : fused;
    }
}

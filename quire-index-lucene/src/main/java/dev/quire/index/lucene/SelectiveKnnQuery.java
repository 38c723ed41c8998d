package dev.quire.index.lucene;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.HitQueue;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.knn.KnnCollectorManager;
import org.apache.lucene.util.Bits;

/**
 * {@link KnnFloatVectorQuery} that skips the HNSW walk of a segment when the filter admits so few of
 * its chunks that the walk would almost surely give up. Lucene walks the graph until it has
 * visited as many nodes as the filter admits and then falls back to scoring every admitted chunk
 * exactly, so for a selective ACL (a user who reads a few percent) each segment paid both. A
 * filtered walk visits roughly {@code C * k / s} nodes for a filter admitting a share {@code s} of
 * the segment's {@code n} chunks, and gives up past {@code s * n}: we go straight to the exact scan
 * when {@code (s * n)^2 / n < C * k}, with C = {@value #WALK_COST}, measured on the retrieval
 * benchmark: at 500k chunks in 4 segments the hybrid leg (k = 50) of a user reading 10% walked
 * every segment in vain (p50 ~90 ms) and goes to the exact scan now (~40 ms); at 50% it still walks.
 * The exact scan returns the true top k of the admitted chunks, so the
 * result is never worse than the walk's; what a user may read is decided by the filter either way.
 *
 * <p>The exact scan itself is Lucene's, with each vector scored by {@link VectorKernel} (SIMD when
 * the JVM offers it) instead of Lucene's scalar loop on JDK 17.
 */
final class SelectiveKnnQuery extends KnnFloatVectorQuery {
    static final double WALK_COST = 60;

    /** Candidates per result picked by the int8 pass for exact re-scoring. */
    static final int RESCORE_FACTOR = 4;

    private final float[] target;
    private final QuantizedVectorCache quantized;

    /** @param quantized the segments' int8 codes for the exact scan's first pass; null scans floats only */
    SelectiveKnnQuery(String field, float[] target, int k, Query filter, QuantizedVectorCache quantized) {
        super(field, target, k, filter);
        this.target = target.clone();
        this.quantized = quantized;
    }

    /**
     * Lucene's exact search: the k best of the admitted documents that have a vector, by exact score,
     * ties to the lower doc id, a timeout marking the result partial. On a segment with int8 codes
     * ({@link QuantizedVectorCache}) the admitted documents are first ranked by the codes and only the
     * best {@value #RESCORE_FACTOR} k are scored on their float vectors; elsewhere every admitted
     * document is. Either way the scores returned are exact; with codes, a document is missed only if
     * int8 rounding pushes it below rank {@value #RESCORE_FACTOR} k, which the tests check does not
     * happen on their corpora and {@code quire bench int8-recall} measures on an index.
     */
    @Override
    protected TopDocs exactSearch(LeafReaderContext context, DocIdSetIterator acceptIterator,
                                  QueryTimeout queryTimeout) throws IOException {
        FieldInfo info = context.reader().getFieldInfos().fieldInfo(field);
        FloatVectorValues vectors = info == null ? null : context.reader().getFloatVectorValues(field);
        if (vectors == null) {
            return new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]);
        }
        long admittedCount = acceptIterator.cost();
        QuantizedVectors codes = quantized == null || admittedCount <= (long) k * RESCORE_FACTOR ? null
                : quantized.get(context.reader(), info);
        Partial candidates = codes == null ? new Partial(acceptIterator, false)
                : shortlist(codes, info, acceptIterator, queryTimeout);
        VectorKernel kernel = VectorKernel.of(info.getVectorSimilarityFunction(), target);
        HitQueue queue = new HitQueue(Math.max(1, (int) Math.min(k, admittedCount)), true);
        ScoreDoc weakest = queue.top();
        boolean timedOut = candidates.timedOut();
        DocIdSetIterator scored = ConjunctionUtils.intersectIterators(List.of(candidates.docs(), vectors));
        for (int doc = scored.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scored.nextDoc()) {
            if (queryTimeout != null && queryTimeout.shouldExit()) {
                timedOut = true;
                break;
            }
            float score = kernel.score(vectors.vectorValue());
            if (score > weakest.score) {
                weakest.score = score;
                weakest.doc = doc;
                weakest = queue.updateTop();
            }
        }
        while (queue.size() > 0 && queue.top().score < 0) {
            queue.pop(); // the prepopulated sentinels (score -infinity) that no document displaced
        }
        ScoreDoc[] best = new ScoreDoc[queue.size()];
        for (int i = best.length - 1; i >= 0; i--) {
            best[i] = queue.pop();
        }
        TotalHits.Relation relation = timedOut ? TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO : TotalHits.Relation.EQUAL_TO;
        return new TopDocs(new TotalHits(admittedCount, relation), best);
    }

    /** The documents to score exactly, in doc id order, and whether the search ran out of time picking them. */
    private record Partial(DocIdSetIterator docs, boolean timedOut) {
    }

    /** The admitted documents' best {@value #RESCORE_FACTOR} k by their int8 codes. */
    private Partial shortlist(QuantizedVectors codes, FieldInfo info, DocIdSetIterator admitted,
                              QueryTimeout queryTimeout) throws IOException {
        byte[] queryCodes = new byte[codes.dimension()];
        float queryFactor = QuantizedVectors.encode(target, info.getVectorSimilarityFunction(), queryCodes, 0);
        HitQueue queue = new HitQueue(k * RESCORE_FACTOR, true);
        ScoreDoc weakest = queue.top();
        boolean timedOut = false;
        for (int doc = admitted.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = admitted.nextDoc()) {
            if (queryTimeout != null && queryTimeout.shouldExit()) {
                timedOut = true;
                break;
            }
            if (!codes.hasVector(doc)) {
                continue;
            }
            float approximate = codes.approximate(queryCodes, queryFactor, doc);
            if (approximate > weakest.score) {
                weakest.score = approximate;
                weakest.doc = doc;
                weakest = queue.updateTop();
            }
        }
        int[] docs = new int[queue.size()];
        int n = 0;
        while (queue.size() > 0) {
            ScoreDoc sd = queue.pop();
            if (sd.score != Float.NEGATIVE_INFINITY) {
                docs[n++] = sd.doc;
            }
        }
        java.util.Arrays.sort(docs, 0, n);
        return new Partial(new SortedDocs(docs, n), timedOut);
    }

    /** A sorted array of doc ids as an iterator. */
    private static final class SortedDocs extends DocIdSetIterator {
        private final int[] docs;
        private final int length;
        private int index = -1;
        private int doc = -1;

        SortedDocs(int[] docs, int length) {
            this.docs = docs;
            this.length = length;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            return doc = ++index < length ? docs[index] : NO_MORE_DOCS;
        }

        @Override
        public int advance(int target) {
            while (doc < target) {
                nextDoc();
            }
            return doc;
        }

        @Override
        public long cost() {
            return length;
        }
    }

    @Override
    protected TopDocs approximateSearch(LeafReaderContext context, Bits acceptDocs, int visitedLimit,
                                        KnnCollectorManager collectors) throws IOException {
        // Lucene passes (admitted chunks + 1) with a filter, Integer.MAX_VALUE without one.
        if (visitedLimit != Integer.MAX_VALUE) {
            double admitted = visitedLimit - 1;
            if (admitted * admitted / Math.max(1, context.reader().maxDoc()) < WALK_COST * getK()) {
                // An incomplete result makes Lucene run its exact scan of the admitted chunks.
                return new TopDocs(new TotalHits(0, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), new ScoreDoc[0]);
            }
        }
        return super.approximateSearch(context, acceptDocs, visitedLimit, collectors);
    }
}

package dev.quire.index.lucene;

import java.io.IOException;

import org.apache.lucene.index.LeafReaderContext;
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
 */
final class SelectiveKnnQuery extends KnnFloatVectorQuery {
    static final double WALK_COST = 60;

    SelectiveKnnQuery(String field, float[] target, int k, Query filter) {
        super(field, target, k, filter);
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

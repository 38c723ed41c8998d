package dev.quire.index.lucene;

import java.io.IOException;
import java.util.Objects;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * A non-scoring filter that admits exactly what {@code filter} admits, reading each segment's
 * admitted documents from a {@link FilterBitsCache} (computing them on a miss). Used for the scope
 * + ACL + attribute filter so that the BM25 and kNN legs of one search, and later searches with the
 * same principals, evaluate the ACL once per segment instead of once per leg and per query. A
 * segment whose reader cannot be cached is served by the filter's own scorer.
 */
final class CachedFilterQuery extends Query {
    private final Query filter;
    private final FilterBitsCache cache;

    CachedFilterQuery(Query filter, FilterBitsCache cache) {
        this.filter = Objects.requireNonNull(filter);
        this.cache = Objects.requireNonNull(cache);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        FilterBitsCache.WeightSupplier direct = new FilterBitsCache.WeightSupplier(searcher, filter);
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext leaf) throws IOException {
                FixedBitSet bits = cache.bits(leaf, filter, direct);
                if (bits == null) {
                    return direct.get().scorer(leaf);
                }
                return new ConstantScoreScorer(this, score(), scoreMode,
                        new BitSetIterator(bits, bits.approximateCardinality()));
            }

            @Override
            public boolean isCacheable(LeafReaderContext leaf) {
                return false; // already cached here; Lucene's query cache would hold a second copy
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        filter.visit(visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.FILTER, this));
    }

    @Override
    public String toString(String field) {
        return "cached(" + filter.toString(field) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && filter.equals(((CachedFilterQuery) other).filter)
                && cache == ((CachedFilterQuery) other).cache;
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + filter.hashCode();
    }
}

package dev.quire.index.lucene;

import dev.quire.spi.search.ChunkHit;
import dev.quire.spi.search.SearchRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;

/**
 * The three retrieval modes over one searcher, each given the complete filter (scope, ACL,
 * attributes) to apply inside Lucene.
 *
 * <ul>
 *   <li>BM25: the user's text is analysed (EnglishAnalyzer) and turned into term queries by
 *       {@link QueryBuilder}; it is never parsed as Lucene query syntax, so quotes, colons, "AND"
 *       or "*" in a question are just text. Text and title are both searched; a title match
 *       weighs {@value #TITLE_BOOST}x a body match. The filter is a non-scoring FILTER clause.</li>
 *   <li>VECTOR: {@link KnnFloatVectorQuery} with the filter as its filter argument, so the HNSW
 *       walk only collects admitted chunks; when the filter admits few chunks (cost at most k, or
 *       the walk visits more nodes than the filter admits) Lucene switches to an exact scan of the
 *       admitted chunks by itself ({@link SelectiveKnnQuery} goes to that scan directly when the walk
 *       would almost surely give up). Scores are Lucene's cosine score (1 + cos) / 2.</li>
 *   <li>HYBRID: the top max(limit * {@value #HYBRID_FACTOR}, {@value #HYBRID_MIN}) of each mode,
 *       fused by {@link RankFusion} (k = {@value RankFusion#K}); the score is the fused score.
 *       Without a query vector it is BM25 ranked by RRF; without analysable text, kNN alone.</li>
 * </ul>
 */
final class LuceneSearcher {
    static final float TITLE_BOOST = 2.0f;
    static final int HYBRID_FACTOR = 4;
    static final int HYBRID_MIN = 50;

    private final QueryBuilder queryBuilder;
    private final QuantizedVectorCache quantized;

    /** @param quantized int8 codes of large segments for the kNN leg's exact scans (null: floats only) */
    LuceneSearcher(Analyzer analyzer, QuantizedVectorCache quantized) {
        this.queryBuilder = new QueryBuilder(analyzer);
        this.quantized = quantized;
    }

    List<ChunkHit> search(IndexSearcher s, SearchRequest r, Query filter) throws IOException {
        return switch (r.mode()) {
            case BM25 -> bm25(s, r.queryText(), filter, r.limit());
            case VECTOR -> {
                if (r.queryVector() == null) {
                    throw new IllegalArgumentException("VECTOR search needs a query vector");
                }
                yield hits(s, s.search(knn(s, r.queryVector(), r.limit(), filter), r.limit()).scoreDocs);
            }
            case HYBRID -> hybrid(s, r, filter);
        };
    }

    /** BM25 over text and title; {@code filter} null means unfiltered (benchmark baseline only). */
    List<ChunkHit> bm25(IndexSearcher s, String text, Query filter, int limit) throws IOException {
        Query query = textQuery(text, filter);
        return query == null ? List.of() : hits(s, s.search(query, limit).scoreDocs);
    }

    private List<ChunkHit> hybrid(IndexSearcher s, SearchRequest r, Query filter) throws IOException {
        int candidates = (int) Math.min(Math.max((long) r.limit() * HYBRID_FACTOR, HYBRID_MIN), Integer.MAX_VALUE);
        List<Integer> lexical = new ArrayList<>();
        Query text = textQuery(r.queryText(), filter);
        if (text != null) {
            for (ScoreDoc sd : s.search(text, candidates).scoreDocs) {
                lexical.add(sd.doc);
            }
        }
        List<Integer> semantic = new ArrayList<>();
        if (r.queryVector() != null) {
            for (ScoreDoc sd : s.search(knn(s, r.queryVector(), candidates, filter), candidates).scoreDocs) {
                semantic.add(sd.doc);
            }
        }
        List<RankFusion.Fused<Integer>> fused = RankFusion.fuse(r.limit(), lexical, semantic);
        ScoreDoc[] docs = new ScoreDoc[fused.size()];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = new ScoreDoc(fused.get(i).key(), (float) fused.get(i).score());
        }
        List<ChunkHit> result = hits(s, docs);
        // Keep the exact double fused score rather than the float ScoreDoc carries.
        List<ChunkHit> exact = new ArrayList<>(result.size());
        for (int i = 0; i < result.size(); i++) {
            exact.add(new ChunkHit(result.get(i).chunk(), fused.get(i).score()));
        }
        return exact;
    }

    private Query textQuery(String text, Query filter) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Query body = queryBuilder.createBooleanQuery(ChunkDocuments.TEXT, text, Occur.SHOULD);
        Query title = queryBuilder.createBooleanQuery(ChunkDocuments.TITLE, text, Occur.SHOULD);
        if (body == null && title == null) {
            return null; // only stop words or punctuation
        }
        BooleanQuery.Builder matching = new BooleanQuery.Builder();
        if (body != null) {
            matching.add(body, Occur.SHOULD);
        }
        if (title != null) {
            matching.add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD);
        }
        if (filter == null) {
            return matching.build();
        }
        return new BooleanQuery.Builder()
                .add(matching.build(), Occur.MUST)
                .add(filter, Occur.FILTER)
                .build();
    }

    /** k is capped at the number of documents: Lucene sizes its queues by k, and limit is caller-given. */
    private Query knn(IndexSearcher s, float[] vector, int k, Query filter) {
        int cappedK = Math.max(1, Math.min(k, s.getIndexReader().maxDoc()));
        return new SelectiveKnnQuery(ChunkDocuments.VECTOR, Arrays.copyOf(vector, vector.length), cappedK, filter,
                quantized);
    }

    private static List<ChunkHit> hits(IndexSearcher s, ScoreDoc[] docs) throws IOException {
        StoredFields stored = s.storedFields();
        List<ChunkHit> hits = new ArrayList<>(docs.length);
        for (ScoreDoc sd : docs) {
            hits.add(new ChunkHit(ChunkDocuments.fromStored(stored.document(sd.doc)), sd.score));
        }
        return hits;
    }
}

package dev.quire.core.retrieval;

import dev.quire.core.qbusiness.documents.PrincipalSet;
import dev.quire.core.qbusiness.documents.UserPrincipals;
import dev.quire.spi.embed.Embedder;
import dev.quire.spi.search.AttributeFilter;
import dev.quire.spi.search.ChunkHit;
import dev.quire.spi.search.SearchIndex;
import dev.quire.spi.search.SearchRequest;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Retrieval for one user: resolve who they are in this index (id, aliases, groups reached
 * transitively), turn that into principal terms, and search with those terms as a filter INSIDE
 * the index query. Nothing the user may not read ever leaves the index.
 */
public final class PermissionAwareRetriever {
    /** Question embeddings kept (about 1.6 KB each at 384 dimensions). */
    static final int EMBEDDING_CACHE_SIZE = 1_024;

    private final SearchIndex index;
    private final Embedder embedder;
    private final UserPrincipals principals;
    private final BiFunction<String, String, Collection<String>> dataSourcesOfIndex;

    /**
     * @param dataSourcesOfIndex (applicationId, indexId) -> the index's data source ids
     */
    public PermissionAwareRetriever(SearchIndex index, Embedder embedder, UserPrincipals principals,
                                    BiFunction<String, String, Collection<String>> dataSourcesOfIndex) {
        this.index = index;
        this.embedder = new QueryEmbeddingCache(embedder, EMBEDDING_CACHE_SIZE);
        this.principals = principals;
        this.dataSourcesOfIndex = dataSourcesOfIndex;
    }

    /** The principal terms of {@code userId} in one index (exposed for explanations and tests). */
    public Set<String> termsOf(String applicationId, String indexId, String userId) {
        PrincipalSet who = principals.resolve(applicationId, indexId, userId);
        return PrincipalTerms.of(who, dataSourcesOfIndex.apply(applicationId, indexId));
    }

    public List<ChunkHit> retrieve(String applicationId, String indexId, String userId, String query,
                                   AttributeFilter filter, int limit, SearchRequest.Mode mode) {
        Set<String> terms = termsOf(applicationId, indexId, userId);
        float[] vector = mode == SearchRequest.Mode.BM25 ? null : embedder.embed(query);
        return index.search(new SearchRequest(applicationId, indexId, query, vector, terms, filter, limit, mode));
    }
}

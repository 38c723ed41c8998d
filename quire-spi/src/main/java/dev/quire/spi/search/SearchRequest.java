package dev.quire.spi.search;

import java.util.Set;

/**
 * A retrieval request. {@code principals} are the caller's principal terms (see {@link AclTerms});
 * the backend must apply the ACL INSIDE the query, never by filtering a top-k afterwards.
 *
 * @param queryVector null for BM25-only
 * @param filter      null for no attribute filter
 */
public record SearchRequest(String applicationId, String indexId, String queryText, float[] queryVector,
                            Set<String> principals, AttributeFilter filter, int limit, Mode mode) {
    public SearchRequest {
        principals = Set.copyOf(principals);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    public enum Mode { BM25, VECTOR, HYBRID }
}

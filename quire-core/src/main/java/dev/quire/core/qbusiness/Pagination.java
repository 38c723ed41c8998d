package dev.quire.core.qbusiness;

import dev.quire.spi.error.ApiError;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.Page;
import dev.quire.spi.store.StoredEntity;
import java.util.function.Function;

/** The qbusiness maxResults/nextToken rules shared by every List operation. */
public final class Pagination {
    private Pagination() {
    }

    public static int limit(Integer maxResults, int max) {
        if (maxResults == null) {
            return max;
        }
        if (maxResults < 1 || maxResults > max) {
            throw ApiError.invalidField("maxResults", "maxResults must be between 1 and " + max + ".");
        }
        return maxResults;
    }

    /** One page of {@code kind} records in {@code scope}; a token not made by Quire is a ValidationException. */
    public static <T> Page<T> page(MetadataStore store, String kind, String scope, String nextToken, Integer maxResults,
                                   int max, Function<StoredEntity, T> mapper) {
        int limit = limit(maxResults, max);
        try {
            return Page.read(store, kind, scope, nextToken, limit, mapper);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidField("nextToken", "The nextToken is not valid.");
        }
    }
}

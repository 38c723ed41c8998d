package dev.quire.core.qbusiness;

import dev.quire.spi.error.ApiError;

/** The qbusiness maxResults rule shared by every List operation. */
final class Pagination {
    private Pagination() {
    }

    static int limit(Integer maxResults, int max) {
        if (maxResults == null) {
            return max;
        }
        if (maxResults < 1 || maxResults > max) {
            throw ApiError.invalidField("maxResults", "maxResults must be between 1 and " + max + ".");
        }
        return maxResults;
    }
}

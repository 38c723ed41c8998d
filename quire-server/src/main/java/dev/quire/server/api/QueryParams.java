package dev.quire.server.api;

import dev.quire.protocol.awsquery.QueryRequest;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;

/** Typed reads of awsQuery parameters with AWS-shaped errors. */
public final class QueryParams {
    private QueryParams() {
    }

    public static Integer integer(QueryRequest q, String name) {
        String v = q.get(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new ApiError(ErrorCode.INVALID_INPUT, name + " must be an integer.");
        }
    }
}

package dev.quire.server.api.qbusiness;

import dev.quire.spi.error.ApiError;

/** Typed reads of qbusiness query-string members. */
public final class QueryInput {
    private QueryInput() {
    }

    public static Integer integer(QBusinessCall call, String name) {
        String v = call.input().queryParam(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw ApiError.invalidField(name, name + " must be an integer.");
        }
    }
}

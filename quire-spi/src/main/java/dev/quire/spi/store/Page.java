package dev.quire.spi.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing with an opaque continuation token (the SDKs' {@code nextToken} /
 * IAM's {@code Marker}). The token encodes the last id returned; callers must not parse it.
 */
public record Page<T>(List<T> items, String nextToken) {
    private static final String TOKEN_PREFIX = "q1:";

    public Page {
        items = List.copyOf(items);
    }

    /**
     * Reads one page of {@code kind} records in {@code scope}.
     *
     * @throws IllegalArgumentException when {@code token} was not made by this class
     */
    public static <T> Page<T> read(MetadataStore store, String kind, String scope, String token, int limit,
                                   Function<StoredEntity, T> mapper) {
        String after = token == null || token.isEmpty() ? null : decode(token);
        List<StoredEntity> rows = store.list(kind, scope, after, limit + 1);
        List<T> items = new ArrayList<>(Math.min(rows.size(), limit));
        for (int i = 0; i < rows.size() && i < limit; i++) {
            items.add(mapper.apply(rows.get(i)));
        }
        String next = rows.size() > limit ? encode(rows.get(limit - 1).id()) : null;
        return new Page<>(items, next);
    }

    static String encode(String id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN_PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String token) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the pagination token is not valid");
        }
        if (!raw.startsWith(TOKEN_PREFIX)) {
            throw new IllegalArgumentException("the pagination token is not valid");
        }
        return raw.substring(TOKEN_PREFIX.length());
    }
}

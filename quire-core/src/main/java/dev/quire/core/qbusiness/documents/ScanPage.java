package dev.quire.core.qbusiness.documents;

import dev.quire.spi.error.ApiError;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.Page;
import dev.quire.spi.store.StoredEntity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A page of a filtered listing: reads the store in id order, keeps what matches, and hands out a
 * nextToken only when another matching item exists. The token is opaque (the last id returned).
 */
public final class ScanPage {
    private static final String PREFIX = "qs1:";
    private static final int CHUNK = 200;

    private ScanPage() {
    }

    public static <T> Page<T> read(MetadataStore store, String kind, String scope, String token, int limit,
                                   Function<StoredEntity, T> mapper, Predicate<T> keep) {
        String after = token == null || token.isEmpty() ? null : decode(token);
        List<T> items = new ArrayList<>();
        String lastKept = null;
        while (true) {
            List<StoredEntity> rows = store.list(kind, scope, after, CHUNK);
            for (StoredEntity row : rows) {
                T item = mapper.apply(row);
                if (!keep.test(item)) {
                    continue;
                }
                if (items.size() == limit) {
                    return new Page<>(items, encode(lastKept));
                }
                items.add(item);
                lastKept = row.id();
            }
            if (rows.size() < CHUNK) {
                return new Page<>(items, null);
            }
            after = rows.get(rows.size() - 1).id();
        }
    }

    static String encode(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (raw.startsWith(PREFIX)) {
                return raw.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // falls through to the same answer as a token with the wrong prefix
        }
        throw ApiError.invalidField("nextToken", "The nextToken is not valid.");
    }
}

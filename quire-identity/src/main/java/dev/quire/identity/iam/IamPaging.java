package dev.quire.identity.iam;

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
 * IAM Marker/MaxItems paging. The marker is opaque to callers and names the last key returned,
 * so filtered listings (PathPrefix, OnlyAttached) still fill each page and never skip a record.
 */
final class IamPaging {
    private static final String PREFIX = "iam1:";
    private static final int BATCH = 200;

    private IamPaging() {
    }

    /** Records of {@code kind} in id order that pass {@code keep}. */
    static <T> Page<T> fromStore(MetadataStore store, String kind, String marker, Integer maxItems,
                                 Function<StoredEntity, T> mapper, Predicate<T> keep) {
        int limit = IamInput.maxItems(maxItems);
        String after = decode(marker);
        List<T> items = new ArrayList<>();
        String lastId = null;
        while (true) {
            List<StoredEntity> rows = store.list(kind, IamRecords.SCOPE, after, BATCH);
            for (StoredEntity row : rows) {
                T item = mapper.apply(row);
                if (!keep.test(item)) {
                    continue;
                }
                if (items.size() == limit) {
                    return new Page<>(items, encode(lastId));
                }
                items.add(item);
                lastId = row.id();
            }
            if (rows.size() < BATCH) {
                return new Page<>(items, null);
            }
            after = rows.get(rows.size() - 1).id();
        }
    }

    /** An in-memory list already sorted by {@code key}. */
    static <T> Page<T> fromSorted(List<T> sorted, Function<T, String> key, String marker, Integer maxItems) {
        int limit = IamInput.maxItems(maxItems);
        String after = decode(marker);
        List<T> items = new ArrayList<>();
        for (T item : sorted) {
            if (after != null && key.apply(item).compareTo(after) <= 0) {
                continue;
            }
            if (items.size() == limit) {
                return new Page<>(items, encode(key.apply(items.get(items.size() - 1))));
            }
            items.add(item);
        }
        return new Page<>(items, null);
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String marker) {
        if (marker == null || marker.isEmpty()) {
            return null;
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw IamInput.invalid("Invalid Marker.");
        }
        if (!raw.startsWith(PREFIX) || raw.length() == PREFIX.length()) {
            throw IamInput.invalid("Invalid Marker.");
        }
        return raw.substring(PREFIX.length());
    }
}

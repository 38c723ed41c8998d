package dev.quire.core.secrets;

import dev.quire.spi.store.Page;
import dev.quire.spi.store.StoredEntity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** ListSecrets over one region: filters applied while scanning, so a page is full whenever enough secrets match. */
final class SecretListing {
    private static final String TOKEN_PREFIX = "sm1:";
    private static final int SCAN_BATCH = 100;
    private static final Set<String> FILTER_KEYS = Set.of("name", "description", "tag-key", "tag-value", "all");

    private final SecretRecords records;

    SecretListing(SecretRecords records) {
        this.records = records;
    }

    Page<SecretDescription> list(String region, String nextToken, Integer maxResults, boolean includePlannedDeletion,
                                 List<ListFilter> filters, Instant now) {
        int limit = maxResults == null ? 100 : maxResults;
        if (limit < 1 || limit > 100) {
            throw SecretRules.invalidParameter("MaxResults must be between 1 and 100.");
        }
        validate(filters);
        String after = nextToken == null || nextToken.isEmpty() ? null : decode(nextToken);
        List<SecretDescription> items = new ArrayList<>();
        String lastId = null;
        while (true) {
            List<StoredEntity> batch = records.scan(region, after, SCAN_BATCH);
            for (StoredEntity e : batch) {
                SecretRecords.Loaded loaded = SecretRecords.parse(e);
                StoredSecret s = loaded.secret();
                if (!records.alive(loaded, now) || (s.scheduledForDeletion() && !includePlannedDeletion)
                        || !matches(s, filters)) {
                    continue;
                }
                if (items.size() == limit) {
                    return new Page<>(items, encode(lastId));
                }
                items.add(s.describe());
                lastId = e.id();
            }
            if (batch.size() < SCAN_BATCH) {
                return new Page<>(items, null);
            }
            after = batch.get(batch.size() - 1).id();
        }
    }

    private static void validate(List<ListFilter> filters) {
        if (filters.size() > 10) {
            throw SecretRules.invalidParameter("At most 10 filters are allowed.");
        }
        for (ListFilter f : filters) {
            if (f.key() == null || !FILTER_KEYS.contains(f.key())) {
                throw SecretRules.invalidParameter("Invalid filter key: must be one of " + FILTER_KEYS.stream().sorted().toList() + ".");
            }
            if (f.values().isEmpty() || f.values().size() > 10) {
                throw SecretRules.invalidParameter("A filter must have between 1 and 10 values.");
            }
        }
    }

    private static boolean matches(StoredSecret s, List<ListFilter> filters) {
        for (ListFilter f : filters) {
            List<String> fields = switch (f.key()) {
                case "name" -> List.of(s.name);
                case "description" -> s.description == null ? List.of() : List.of(s.description);
                case "tag-key" -> s.tags.stream().map(SecretTag::key).toList();
                case "tag-value" -> s.tags.stream().map(SecretTag::value).toList();
                default -> all(s);
            };
            if (f.values().stream().noneMatch(v -> matches(fields, v))) {
                return false;
            }
        }
        return true;
    }

    /** A value matches when it prefixes some field; {@code !value} when it prefixes none. */
    private static boolean matches(List<String> fields, String value) {
        boolean negated = value.startsWith("!");
        String prefix = negated ? value.substring(1) : value;
        boolean hit = fields.stream().anyMatch(field -> field.startsWith(prefix));
        return negated != hit;
    }

    private static List<String> all(StoredSecret s) {
        List<String> out = new ArrayList<>(List.of(s.name));
        if (s.description != null) {
            out.add(s.description);
        }
        Function<SecretTag, List<String>> both = t -> List.of(t.key(), t.value());
        s.tags.stream().map(both).forEach(out::addAll);
        return out;
    }

    private static String encode(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((TOKEN_PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (raw.startsWith(TOKEN_PREFIX)) {
                return raw.substring(TOKEN_PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // fall through: not one of ours
        }
        throw SecretRules.invalidParameter("The NextToken is not valid.");
    }
}

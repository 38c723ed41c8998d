package dev.quire.server;

import dev.quire.index.lucene.LuceneSearchIndex;
import java.time.Duration;
import java.util.Map;

/**
 * How the embedded search index is kept: {@code QUIRE_INDEX_COMPACT_AFTER_IDLE_SECONDS} is how long
 * writes must pause before the index is merged into one segment (default 60; 0 never compacts, for
 * an index so large that an administrator would rather schedule it). One segment is what keeps the
 * kNN leg of retrieval fast; see docs/benchmarks.md.
 */
final class IndexSettings {
    static final String COMPACT_AFTER_IDLE = "QUIRE_INDEX_COMPACT_AFTER_IDLE_SECONDS";

    private IndexSettings() {
    }

    /** @return the idle period, or null for "never compact" */
    static Duration compactAfterIdle(Map<String, String> env) {
        String value = env.get(COMPACT_AFTER_IDLE);
        if (value == null || value.isBlank()) {
            return LuceneSearchIndex.DEFAULT_COMPACT_AFTER_IDLE;
        }
        long seconds;
        try {
            seconds = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 0) {
            throw new IllegalArgumentException(COMPACT_AFTER_IDLE + " must be a whole number of seconds"
                    + " (0 = never compact), got '" + value + "'");
        }
        return seconds == 0 ? null : Duration.ofSeconds(seconds);
    }
}
